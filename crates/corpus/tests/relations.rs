//! Who does what to whom: the relations a sentence states, read with the real corpus
//! dictionaries. One invented sentence per rule — participants (sources, datelines, members,
//! titles, lists), the predicate that links two names (negation, opposition, nested events,
//! speech, modality, homographs), Korean, direction — and the bounds one sentence is held to.

use corpus::Corpus;
use coverage_core::model::{Article, Category, Direction, Evidence, Tone};

mod common;
use common::KNOWLEDGE;

/// A page whose body is the given sentences, dated so that role phrases resolve.
fn read(body: &str) -> Article {
    let page = format!("Relations test page\n\nPublished: 2024-06-19\n\n{body}\n");
    KNOWLEDGE.read_article("relations.txt", page.as_bytes())
}

/// The evidence of the pair, whichever order the ids are given in.
fn pair<'a>(article: &'a Article, x: &str, y: &str) -> Option<&'a Evidence> {
    let (a, b) = if x <= y { (x, y) } else { (y, x) };
    article.evidence.iter().find(|e| e.a == a && e.b == b)
}

fn tone(article: &Article, x: &str, y: &str) -> Option<Tone> {
    pair(article, x, y).map(|e| e.tone)
}

/// The direction of the pair seen from `x` to `y`.
fn direction(article: &Article, x: &str, y: &str) -> Option<Direction> {
    pair(article, x, y).map(|e| {
        if x <= y {
            e.direction
        } else {
            e.direction.reversed()
        }
    })
}

fn pairs(article: &Article) -> Vec<(String, String)> {
    article
        .evidence
        .iter()
        .map(|e| (e.a.clone(), e.b.clone()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Participants, not bystanders.

#[test]
fn agency_reporting_is_not_a_party() {
    let a = read(
        "North Korea and Russia signed a new border agreement on Tuesday, TASS reported.\n\
         According to Yonhap, Japan protested against the launch by North Korea.",
    );
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    for agency in ["tass", "yonhap"] {
        assert!(
            !pairs(&a).iter().any(|(x, y)| x == agency || y == agency),
            "{agency} paired: {:#?}",
            a.evidence
        );
    }
}

#[test]
fn photo_credit_agency_is_not_a_party() {
    let a = read(
        "Kim Jong Un inspects a missile launcher in a photo released by the Korean Central News Agency and distributed by Yonhap.",
    );
    assert!(a.evidence.is_empty(), "{:#?}", a.evidence);
}

#[test]
fn agency_that_acts_is_a_party() {
    let a = read("The Korean Central News Agency slammed South Korea for the joint drills.");
    assert_eq!(tone(&a, "kcna", "south-korea"), Some(Tone::Conflict));
}

#[test]
fn dateline_capitals_are_not_a_pair() {
    let a = read(
        "SEOUL/TOKYO, March 3 (Reuters) - Washington condemned the latest launch by Pyongyang.",
    );
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(pair(&a, "japan", "south-korea"), None, "{:#?}", a.evidence);
    assert!(
        !pairs(&a)
            .iter()
            .any(|(x, y)| ["japan", "south-korea"].contains(&x.as_str())
                || ["japan", "south-korea"].contains(&y.as_str())),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn korean_dateline_is_not_a_pair() {
    let a = read("(워싱턴=연합뉴스) 특파원 = 러시아는 북한과 새 협정에 서명했다.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "russia", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn person_and_own_party_are_not_a_pair() {
    let a = read(
        "Kim Jong Un, general secretary of the Workers' Party of Korea, met Vladimir Putin in Vostochny.",
    );
    assert_eq!(
        tone(&a, "kim-jong-un", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
    assert_eq!(pair(&a, "kim-jong-un", "workers-party-of-korea"), None);
    assert_eq!(
        pair(&a, "vladimir-putin", "workers-party-of-korea"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn minister_and_own_ministry_are_not_a_pair() {
    let a = read(
        "Sergei Lavrov told the Russian Foreign Ministry's board that talks with Japan had stalled.",
    );
    assert_eq!(
        pair(&a, "russian-foreign-ministry", "sergei-lavrov"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn member_of_an_alliance_is_not_a_pair_but_joining_is() {
    let a = read("Poland, a member of NATO, hosted the talks.");
    assert_eq!(pair(&a, "nato", "poland"), None, "{:#?}", a.evidence);
    let b = read("Italy joined forces with NATO to patrol the sea.");
    assert_eq!(tone(&b, "italy", "nato"), Some(Tone::Cooperation));
}

#[test]
fn title_names_no_party() {
    let a = read(
        "U.S. Special Representative for North Korea Stephen Biegun met Japan's foreign minister in Tokyo.",
    );
    assert_eq!(
        pair(&a, "north-korea", "stephen-biegun"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(pair(&a, "japan", "north-korea"), None, "{:#?}", a.evidence);
}

#[test]
fn apposition_describes_rather_than_relates() {
    let a = read(
        "Wi Sung-rak, a former South Korean ambassador to Russia, criticized the plan on Monday.",
    );
    assert_eq!(pair(&a, "russia", "wi-sung-rak"), None, "{:#?}", a.evidence);
}

#[test]
fn delegation_members_are_not_paired() {
    let a = read("The delegation included Kim Yo Jong, Choe Son Hui and Pak Jong Chon.");
    assert!(a.evidence.is_empty(), "{:#?}", a.evidence);
}

#[test]
fn co_signers_are_paired_but_co_critics_are_not() {
    let a = read("China and Russia signed a joint statement on Thursday.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "china", "russia"), Some(Direction::Mutual));
    let b = read("China and Russia criticized the sanctions on Iran.");
    assert_eq!(pair(&b, "china", "russia"), None, "{:#?}", b.evidence);
}

#[test]
fn place_of_a_meeting_is_not_a_party() {
    let a = read("Moon Jae-in met Donald Trump on the sidelines of a forum in Singapore.");
    assert_eq!(
        tone(&a, "donald-trump", "moon-jae-in"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        pair(&a, "moon-jae-in", "singapore"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn person_and_own_country_are_not_a_pair() {
    let a = read("Russian President Vladimir Putin praised North Korea for its support.");
    assert_eq!(pair(&a, "russia", "vladimir-putin"), None);
    assert_eq!(
        tone(&a, "north-korea", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}

// ---------------------------------------------------------------------------------------------
// Tone from the predicate that links the two.

#[test]
fn sanctions_direction_is_a_to_b() {
    let a = read("Japan imposed new sanctions on North Korea over its missile tests.");
    let e = pair(&a, "japan", "north-korea").expect("Japan–North Korea evidence");
    assert_eq!(e.tone, Tone::Conflict);
    assert_eq!(e.category, Some(Category::Sanction));
    assert_eq!(e.cue.as_deref(), Some("sanctions"));
    assert_eq!(direction(&a, "japan", "north-korea"), Some(Direction::AToB));
}

#[test]
fn passive_voice_keeps_the_direction() {
    let a = read("North Korea was condemned by Japan for the launch.");
    assert_eq!(direction(&a, "japan", "north-korea"), Some(Direction::AToB));
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
}

#[test]
fn support_for_a_war_is_conflict_with_its_target() {
    let a = read("Belarus supports Russia's war against Ukraine.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    assert_eq!(tone(&a, "belarus", "russia"), Some(Tone::Cooperation));
    assert_eq!(pair(&a, "belarus", "ukraine"), None, "{:#?}", a.evidence);
}

#[test]
fn backing_an_offensive_is_not_backing_its_target() {
    let a = read("Pyongyang is shipping shells to back Moscow's offensive against Kyiv.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "north-korea", "ukraine"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn against_sanctions_on_x_is_support_for_x() {
    let a = read(
        "China, which has long been against imposing sanctions on Iran, bought more Iranian oil.",
    );
    let e = pair(&a, "china", "iran").expect("China–Iran evidence");
    assert_eq!(e.tone, Tone::Cooperation, "{e:#?}");
    assert_eq!(direction(&a, "china", "iran"), Some(Direction::AToB));
}

#[test]
fn opposition_to_hyphen_qualified_sanctions_on_x_is_support_for_x() {
    let a = read(
        "Putin rebuffed the demands, reiterating his opposition to all-round sanctions on Iran.",
    );
    assert_eq!(tone(&a, "iran", "vladimir-putin"), Some(Tone::Cooperation));
}

#[test]
fn opposing_sanctions_on_x_is_support_for_x() {
    let a = read("Russia opposed new sanctions on Syria at the council.");
    assert_eq!(tone(&a, "russia", "syria"), Some(Tone::Cooperation));
}

#[test]
fn lifting_sanctions_is_cooperation() {
    let a = read("The United States agreed to lift sanctions on Cuba.");
    assert_eq!(tone(&a, "cuba", "united-states"), Some(Tone::Cooperation));
}

#[test]
fn halting_supplies_is_conflict() {
    let a = read("China halted fuel supplies to North Korea last month.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Conflict));
}

#[test]
fn refused_to_cooperate_is_conflict() {
    let a = read("Russia refused to cooperate with Japan on the fisheries inquiry.");
    let e = pair(&a, "japan", "russia").expect("Japan–Russia evidence");
    assert_eq!(
        (e.tone, e.cue.as_deref()),
        (Tone::Conflict, Some("refused to cooperate"))
    );
    assert_eq!(direction(&a, "russia", "japan"), Some(Direction::AToB));
}

#[test]
fn negated_conflict_is_neutral() {
    let a = read("Beijing did not condemn Pyongyang for the test.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Neutral));
}

#[test]
fn denied_meeting_is_not_cooperation() {
    let a = read("Kim Jong Un denied meeting Vladimir Putin in secret.");
    assert_eq!(
        tone(&a, "kim-jong-un", "vladimir-putin"),
        Some(Tone::Neutral)
    );
}

#[test]
fn hypothetical_attack_is_neutral() {
    let a = read("Analysts asked whether China would attack Taiwan this decade.");
    assert_ne!(
        tone(&a, "china", "taiwan"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn planned_visit_still_counts() {
    let a = read("Xi Jinping plans to visit Russia next month.");
    assert_eq!(tone(&a, "russia", "xi-jinping"), Some(Tone::Cooperation));
}

#[test]
fn conditional_threat_names_its_target() {
    let a = read("North Korea threatened to retaliate if Japan went ahead with the drills.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "north-korea", "japan"), Some(Direction::AToB));
}

#[test]
fn appeal_is_cooperation_and_urged_talks_are_not_yet_theirs() {
    let a = read("China urged India and Pakistan to show restraint.");
    assert_eq!(tone(&a, "china", "india"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "china", "pakistan"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "china", "india"), Some(Direction::AToB));
}

#[test]
fn speaker_is_not_a_party_to_what_others_do() {
    let a = read(
        "Kremlin spokesman Dmitry Peskov said Kim and Putin would discuss regional cooperation.",
    );
    assert_eq!(
        pair(&a, "dmitry-peskov", "vladimir-putin"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn speaker_behind_a_pronoun_is_not_a_party_to_what_others_do() {
    // "she" stands for the subject named before; what she announced is Trump's and Iran's.
    let a = read(
        "Nikki Haley clashed with John Bolton after she announced that Donald Trump would chair a session of the UN Security Council devoted to Iran.",
    );
    for other in ["iran", "un-security-council", "donald-trump"] {
        assert_eq!(pair(&a, "nikki-haley", other), None, "{:#?}", a.evidence);
    }
    assert_eq!(tone(&a, "donald-trump", "iran"), Some(Tone::Neutral));
    assert_eq!(tone(&a, "john-bolton", "nikki-haley"), Some(Tone::Conflict));
    // The same speaker still acts where the pronoun stands in what was said.
    let b = read(
        "Vladimir Putin met Kim Jong Un, and he said that he would supply North Korea with food aid.",
    );
    assert_eq!(
        tone(&b, "north-korea", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}
#[test]
fn speaker_who_acts_is_a_party() {
    let a = read("Russia said it would supply North Korea with food aid.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "russia", "north-korea"),
        Some(Direction::AToB)
    );
}

#[test]
fn cue_inside_a_title_is_ignored() {
    let a = read(
        "North Korea's Minister of External Economic Relations met Russian officials in Moscow.",
    );
    let e = pair(&a, "north-korea", "russia").expect("North Korea–Russia evidence");
    assert_eq!(e.cue.as_deref(), Some("met"), "{e:#?}");
    let b = read("The Shanghai Cooperation Organisation and Japan held no talks this year.");
    assert!(
        b.evidence
            .iter()
            .all(|e| e.cue.as_deref() != Some("Cooperation")),
        "{:#?}",
        b.evidence
    );
}

#[test]
fn homograph_contain_is_not_containment() {
    let a = read("Inspectors said crates shipped from Iran to Russia may contain drones.");
    assert!(
        a.evidence
            .iter()
            .all(|e| e.category != Some(Category::Coerce)),
        "{:#?}",
        a.evidence
    );
    let b = read("Washington's strategy aimed at containing China angered Beijing.");
    assert_eq!(tone(&b, "china", "united-states"), Some(Tone::Conflict));
}

#[test]
fn homograph_fire_needs_a_weapon() {
    let a = read("Russia fired the head of its navy after Ukraine sank a cruiser.");
    assert!(
        a.evidence.iter().all(|e| e.cue.as_deref() != Some("fired")),
        "{:#?}",
        a.evidence
    );
    let b = read("North Korea fired two missiles toward Japan on Sunday.");
    assert_eq!(tone(&b, "japan", "north-korea"), Some(Tone::Conflict));
}

#[test]
fn homograph_strike_a_deal_is_agreement() {
    let a = read("Iran struck a deal with Russia on fuel.");
    assert_ne!(
        tone(&a, "iran", "russia"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn exchanged_artillery_is_fighting() {
    let a = read("India and Pakistan exchanged heavy artillery along the frontier.");
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "pakistan"), Some(Direction::Mutual));
}

#[test]
fn relation_noun_takes_its_tone_from_its_words() {
    let a = read("Seoul and Tokyo have built closer ties since 2023.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    let b = read("Relations between Seoul and Tokyo remain strained over history.");
    assert_eq!(tone(&b, "japan", "south-korea"), Some(Tone::Conflict));
}

#[test]
fn ties_at_rock_bottom_are_conflict() {
    let a = read("While South Korea-Japan ties are at rock bottom, trade goes on.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Conflict));
}

#[test]
fn government_of_a_country_acts_as_its_subject() {
    let a = read("The Japanese government backed Russia on fisheries.");
    assert_eq!(tone(&a, "japan", "russia"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "japan", "russia"), Some(Direction::AToB));
}

#[test]
fn a_former_title_after_and_still_joins_the_pair() {
    let a = read("Malaysia and former President Park Geun-hye signed a treaty.");
    assert_eq!(
        tone(&a, "malaysia", "park-geun-hye"),
        Some(Tone::Cooperation)
    );
}

// ---------------------------------------------------------------------------------------------
// Recall: events the sentence states in other shapes.

#[test]
fn pair_coordinated_after_a_verb_of_saying_is_one_subject() {
    for s in [
        "Officials said that Japan and Australia signed a new security pact.",
        "Officials said Japan and Australia signed a new security pact.",
    ] {
        let a = read(s);
        assert_eq!(
            tone(&a, "australia", "japan"),
            Some(Tone::Cooperation),
            "{s}"
        );
        assert_eq!(
            direction(&a, "australia", "japan"),
            Some(Direction::Mutual),
            "{s}"
        );
    }
}

#[test]
fn calls_on_after_its_subject_is_an_appeal() {
    let a = read("Egypt calls on both Israel and Syria to return to the table.");
    assert_eq!(tone(&a, "egypt", "israel"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "egypt", "syria"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "egypt", "israel"), Some(Direction::AToB));
}

#[test]
fn past_verb_after_and_keeps_the_clause_subject() {
    let a = read("France tried to persuade Germany to wait and called on Italy to join the plan.");
    assert_eq!(tone(&a, "france", "italy"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "france", "italy"), Some(Direction::AToB));
    assert_eq!(tone(&a, "france", "germany"), Some(Tone::Cooperation));
    assert_eq!(pair(&a, "germany", "italy"), None, "{:#?}", a.evidence);
}

#[test]
fn missiles_or_troops_sent_into_a_country_are_an_attack() {
    let a = read("Iran launched missiles into Israel on Tuesday.");
    assert_eq!(tone(&a, "iran", "israel"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "iran", "israel"), Some(Direction::AToB));
    let a = read("Exports fell after Moscow sent troops into Ukraine.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    // Troops sent to a country are help; a launch of talks is no attack.
    let a = read("Belarus sent troops to Russia.");
    assert_eq!(tone(&a, "belarus", "russia"), Some(Tone::Cooperation));
    let a = read("Canada launched an inquiry into China.");
    assert_ne!(tone(&a, "canada", "china"), Some(Tone::Cooperation));
}

#[test]
fn official_arriving_in_a_state_visits_it() {
    let a = read("Sergei Lavrov arrived in Pyongyang on Tuesday.");
    assert_eq!(
        tone(&a, "north-korea", "sergei-lavrov"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        direction(&a, "sergei-lavrov", "north-korea"),
        Some(Direction::AToB)
    );
}

#[test]
fn raisers_of_a_demand_are_not_its_target() {
    let a = read(
        "Putin rebuffed the demands raised by the US and South Korea to cut off oil supplies to North Korea.",
    );
    assert_eq!(
        pair(&a, "south-korea", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(
        tone(&a, "united-states", "vladimir-putin"),
        Some(Tone::Conflict)
    );
}

#[test]
fn name_and_name_to_infinitive_is_one_object_not_a_clause() {
    let a = read(
        "Putin rebuffed the demands raised by the US and South Korea to cut off oil supplies to North Korea.",
    );
    assert_eq!(
        tone(&a, "south-korea", "vladimir-putin"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn head_noun_of_a_name_owns_like_the_name() {
    let a = read("Investors shrugged off the Chinese government's new sanctions on Japan.");
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "japan"), Some(Direction::AToB));
}

#[test]
fn possessive_after_a_curly_quote_does_not_close_the_quotation() {
    let a =
        read("Analysts were blunt: “The Biden administration’s sanctions on Russia will bite.”");
    assert_eq!(tone(&a, "joe-biden", "russia"), Some(Tone::Conflict));
}

#[test]
fn speaker_is_not_the_agent_of_sanctions_someone_else_owns() {
    let a = read("“The West’s sanctions against North Korea will fail,” said Wi Sung-rak.");
    assert_eq!(
        pair(&a, "north-korea", "wi-sung-rak"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn restrictions_on_exports_to_a_country_are_conflict_with_it() {
    for s in [
        "Washington announced new restrictions on chip exports to China.",
        "Tokyo imposed a ban on arms sales to Iran.",
    ] {
        let a = read(s);
        let (x, y) = if s.contains("China") {
            ("united-states", "china")
        } else {
            ("japan", "iran")
        };
        assert_eq!(
            tone(&a, x, y),
            Some(Tone::Conflict),
            "{s}: {:#?}",
            a.evidence
        );
        assert_eq!(direction(&a, x, y), Some(Direction::AToB), "{s}");
    }
}

#[test]
fn quoted_word_inside_a_clause_is_part_of_it() {
    let a = read("China expressed “regret” over military action taken by India.");
    assert_eq!(tone(&a, "china", "india"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "india"), Some(Direction::AToB));
    let a = read(
        "The report described the Chinese government's \"broader efforts to undermine Japanese security.\"",
    );
    assert_eq!(
        tone(&a, "china", "japan"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn names_listed_after_a_preposition_are_not_the_subject() {
    let a = read(
        "Lawmakers on the panel for the United States and China criticized the threat to Japan.",
    );
    assert_eq!(pair(&a, "china", "japan"), None, "{:#?}", a.evidence);
    assert_eq!(
        pair(&a, "japan", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn quantity_of_names_is_the_subject() {
    let a = read("Thousands of US and Filipino troops launched joint exercises.");
    assert_eq!(
        tone(&a, "philippines", "united-states"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn spokesperson_named_with_her_office_is_not_the_she_of_what_she_relays() {
    for s in [
        "She will meet her Russian counterpart, Sergey Lavrov, on Tuesday, Russian Foreign Ministry spokesperson Maria Zakharova said.",
        "Russian Foreign Ministry spokesperson Maria Zakharova said she will meet Sergey Lavrov.",
    ] {
        let a = read(s);
        assert_eq!(
            pair(&a, "maria-zakharova", "sergei-lavrov"),
            None,
            "{s}: {:#?}",
            a.evidence
        );
    }
}

#[test]
fn delegation_led_by_a_person_acts_through_that_person() {
    let a = read("A delegation led by Foreign Minister Choe Son Hui arrived in Moscow on Sunday.");
    assert_eq!(tone(&a, "choe-son-hui", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "choe-son-hui", "russia"),
        Some(Direction::AToB)
    );
}

#[test]
fn two_names_joined_before_an_event_noun_are_its_two_sides() {
    let a = read("Experts singled out the Pakistan-India nuclear threat as the gravest.");
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "pakistan"), Some(Direction::Mutual));
}

#[test]
fn word_after_an_adjective_of_nationality_is_a_noun() {
    let a = read("France condemned the Russian strikes on Kyiv.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    assert_eq!(pair(&a, "france", "ukraine"), None, "{:#?}", a.evidence);
    let a = read("Ukraine's allies condemned the Russian strikes and the use of missiles.");
    assert_eq!(
        tone(&a, "russia", "ukraine"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn name_after_a_comma_continues_a_list() {
    let a = read("North Korea has supplied Burma, Iran and Syria with nuclear technology.");
    for other in ["iran", "myanmar", "syria"] {
        assert_eq!(
            tone(&a, "north-korea", other),
            Some(Tone::Cooperation),
            "{other}"
        );
    }
}

#[test]
fn what_one_event_acts_on_is_not_the_other_side_of_another() {
    let a = read(
        "North Korea has supplied Iran with nuclear technology, in violation of United Nations sanctions.",
    );
    assert_eq!(
        pair(&a, "iran", "united-nations"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn his_after_he_belongs_to_him_not_to_the_names_between() {
    let a = read("He is due to meet Xi, Chinese premier Li Keqiang and Wang Yi during his visit.");
    assert_eq!(
        pair(&a, "li-keqiang", "xi-jinping"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(pair(&a, "wang-yi", "xi-jinping"), None, "{:#?}", a.evidence);
}

#[test]
fn owner_after_a_preposition_of_the_frame_is_the_other_party() {
    let a = read(
        "North Korean troops who helped Russia repel a Ukrainian incursion into its western region are clearing mines.",
    );
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "ukraine", "russia"), Some(Direction::AToB));
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "north-korea", "russia"),
        Some(Direction::AToB)
    );
}

#[test]
fn armed_forces_are_no_arming() {
    let a = read(
        "Shehbaz Sharif praised Pakistan's armed forces for their response to an incursion by Indian jets.",
    );
    assert_ne!(
        tone(&a, "india", "shehbaz-sharif"),
        Some(Tone::Cooperation),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn defying_despising_implicating_and_colliding_are_conflict() {
    for (s, x, y) in [
        (
            "Iran continues to defy the U.N. Security Council.",
            "iran",
            "un-security-council",
        ),
        (
            "Sweden joined NATO, the military alliance despised by Russia.",
            "russia",
            "nato",
        ),
        (
            "India tried to implicate Pakistan in the attack.",
            "india",
            "pakistan",
        ),
        (
            "A Chinese vessel collided with a Philippine patrol boat.",
            "china",
            "philippines",
        ),
    ] {
        let a = read(s);
        assert_eq!(
            tone(&a, x, y),
            Some(Tone::Conflict),
            "{s}: {:#?}",
            a.evidence
        );
    }
}

#[test]
fn attack_inside_a_country_is_an_attack_on_it() {
    for s in [
        "The US allowed Ukraine to use its weapons to strike inside Russia.",
        "A Ukrainian drone killed a civilian in the Russian town of Grayvoron.",
    ] {
        let a = read(s);
        assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict), "{s}");
        assert_eq!(
            direction(&a, "ukraine", "russia"),
            Some(Direction::AToB),
            "{s}"
        );
    }
}

#[test]
fn pronoun_subject_nobody_named_leaves_the_event_without_agent() {
    let a = read(
        "The delays served to placate Washington, which opposes rewarding Iran while it continues to defy the U.N. Security Council.",
    );
    assert_eq!(
        pair(&a, "un-security-council", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(tone(&a, "iran", "united-states"), Some(Tone::Conflict));
}

#[test]
fn rivalry_and_competition_between_states_are_conflict() {
    let a = read("The Chinese government's competition with the United States is fierce.");
    assert_eq!(tone(&a, "china", "united-states"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "china", "united-states"),
        Some(Direction::Mutual)
    );
}

#[test]
fn against_after_a_noun_is_that_nouns_not_a_stance() {
    let a = read(
        "The Pentagon memo considering steps against other Nato members follows attacks on the alliance by Donald Trump.",
    );
    assert_eq!(
        pair(&a, "donald-trump", "united-states-department-of-defense"),
        None,
        "{:#?}",
        a.evidence
    );
    let a = read("The cash will help Ukraine defend itself against Russia.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "ukraine", "russia"), Some(Direction::AToB));
}

#[test]
fn allies_in_ones_own_alliance_are_membership() {
    let a = read("The U.S. and its NATO allies will continue to provide Afghanistan with aid.");
    assert_eq!(pair(&a, "nato", "united-states"), None, "{:#?}", a.evidence);
    let a = read("\"I looked at the reaction of our U.S. partners,\" Putin said.");
    assert_eq!(
        tone(&a, "united-states", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn a_bodys_own_meeting_is_no_meeting_with_those_in_it() {
    let a = read(
        "At a U.N. Security Council meeting held at the request of Russia, Ukrainian Ambassador Andrii Melnyk denied the accusations.",
    );
    for x in ["russia", "ukraine", "andrii-melnyk"] {
        assert_eq!(
            pair(&a, x, "un-security-council"),
            None,
            "{x}: {:#?}",
            a.evidence
        );
    }
}

#[test]
fn name_after_like_and_a_comma_is_no_list_with_the_subject() {
    let a = read("Like China, Russia already sides with the North on sanctions.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(pair(&a, "china", "north-korea"), None, "{:#?}", a.evidence);
}

#[test]
fn title_in_capitals_after_a_preposition_keeps_the_name_in_it() {
    let a = read(
        "After a meeting with Nato Secretary General Mark Rutte, Donald Trump spoke to reporters.",
    );
    assert_eq!(
        tone(&a, "donald-trump", "mark-rutte"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn by_after_a_nouns_own_phrase_names_its_agent() {
    let a = read("The sanctions on Iran by the United States hurt trade.");
    assert_eq!(tone(&a, "iran", "united-states"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "iran"),
        Some(Direction::AToB)
    );
}

#[test]
fn asking_others_for_a_hostile_act_is_hostility_of_ones_own() {
    let a = read(
        "Stephen Biegun visited Moscow to urge the country to join the international efforts to sanction Pyongyang.",
    );
    assert_eq!(
        tone(&a, "north-korea", "stephen-biegun"),
        Some(Tone::Conflict),
        "{:#?}",
        a.evidence
    );
    let a = read(
        "Putin rebuffed the demands raised by the US and South Korea to cut off crude oil supplies to North Korea.",
    );
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    // Who is asked to cut them off is not named: not Putin, who rebuffed the demand.
    assert_eq!(
        pair(&a, "north-korea", "vladimir-putin"),
        None,
        "{:#?}",
        a.evidence
    );
    // Asking to stop an attack is no hostility toward its target.
    let a = read("Egypt urged Israel to stop the attacks on Syria.");
    assert_ne!(tone(&a, "egypt", "syria"), Some(Tone::Conflict));
}

#[test]
fn infinitive_of_purpose_after_an_object_is_the_subjects_act() {
    let a = read("Japan phoned Seoul to urge China to act.");
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Cooperation));
    assert_eq!(pair(&a, "china", "south-korea"), None, "{:#?}", a.evidence);
    // "allowed Ukraine to strike": the object acts.
    let a = read("The US allowed Ukraine to use its weapons to strike inside Russia.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(
        tone(&a, "ukraine", "united-states"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn names_joined_by_a_hyphen_after_a_preposition_are_both_in_its_phrase() {
    let a = read(
        "With the North Korea-Russia summit near, Stephen Biegun visited Moscow to urge the country to sanction Pyongyang.",
    );
    assert_eq!(
        pair(&a, "north-korea", "russia").map(|e| e.tone),
        Some(Tone::Cooperation),
        "{:#?}",
        a.evidence
    );
    assert_eq!(
        tone(&a, "north-korea", "stephen-biegun"),
        Some(Tone::Conflict)
    );
}

#[test]
fn leaving_an_agreement_is_conflict_with_its_other_side() {
    let a = read("Mr. Trump decided to pull out of the Iran nuclear deal.");
    assert_eq!(tone(&a, "donald-trump", "iran"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "donald-trump", "iran"), Some(Direction::AToB));
    let a = read("Russia withdrew from the treaty with the United States.");
    assert_eq!(tone(&a, "russia", "united-states"), Some(Tone::Conflict));
}

#[test]
fn no_intention_to_talk_is_a_refusal() {
    let a = read("Pyongyang has no intention to talk with South Korea again.");
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "north-korea", "south-korea"),
        Some(Direction::AToB)
    );
}

#[test]
fn a_vow_has_the_tone_of_what_is_vowed() {
    let a = read("China vowed to retaliate against Japan.");
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
    let a = read("Japan pledged new funds to Ukraine.");
    assert_eq!(tone(&a, "japan", "ukraine"), Some(Tone::Cooperation));
}

#[test]
fn after_adjective_of_nationality_and_noun_is_no_clause() {
    let a = read(
        "A general view of a damaged structure in the Kotli district of Pakistan-administered Kashmir, after Indian strikes.",
    );
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "pakistan"), Some(Direction::AToB));
}

#[test]
fn drills_around_a_country_are_aimed_at_it() {
    let a = read("China held huge drills around Taiwan on Monday.");
    assert_eq!(tone(&a, "china", "taiwan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "taiwan"), Some(Direction::AToB));
}

#[test]
fn owner_of_efforts_acts_in_what_they_aim_at() {
    let a = read(
        "It described the stations as part of the Chinese government's \"broader efforts to undermine American security.\"",
    );
    assert_eq!(tone(&a, "china", "united-states"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "china", "united-states"),
        Some(Direction::AToB)
    );
}

#[test]
fn between_the_two_names_the_pair_named_before() {
    let a = read(
        "India’s and Pakistan’s nuclear weapons deepen worries about the rivalry between the two neighbours.",
    );
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "pakistan"), Some(Direction::Mutual));
}

#[test]
fn an_urged_event_is_not_the_urged_parties_yet() {
    let a = read("Britain urges Pakistan and India to talk directly and show restraint.");
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Neutral));
    assert_eq!(
        tone(&a, "pakistan", "united-kingdom"),
        Some(Tone::Cooperation)
    );
    let a = read("Japan urged China to impose sanctions on North Korea.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Neutral));
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
}

#[test]
fn strong_words_on_a_country_are_criticism() {
    let a = read("Officials quietly applauded Ms. Haley’s strong words on Russia.");
    assert_eq!(tone(&a, "nikki-haley", "russia"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "nikki-haley", "russia"),
        Some(Direction::AToB)
    );
}

#[test]
fn an_amount_before_of_is_part_of_the_object() {
    let a = read("EU governments agreed to indefinitely freeze around €210bn of Russian assets.");
    assert_eq!(tone(&a, "european-union", "russia"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "european-union", "russia"),
        Some(Direction::AToB)
    );
}

#[test]
fn relative_clause_between_dashes_is_about_the_name_before() {
    let a = read(
        "The Venezuelan interim authorities - which have often condemned US imperialism - would have to collaborate.",
    );
    assert_eq!(tone(&a, "united-states", "venezuela"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "venezuela", "united-states"),
        Some(Direction::AToB)
    );
}

#[test]
fn pledging_to_do_something_together_is_mutual() {
    let a = read("Thailand and Israel pledged to coordinate closely on regional security.");
    assert_eq!(tone(&a, "israel", "thailand"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "israel", "thailand"), Some(Direction::Mutual));
}

#[test]
fn by_after_a_verbs_object_names_whose_it_is() {
    for (s, x, y) in [
        (
            "Thailand protested against the expulsion of its diplomats by the American government on Tuesday.",
            "thailand",
            "united-states",
        ),
        (
            "The Polish government opposed the bid by the Ukrainian government for a permanent seat.",
            "poland",
            "ukraine",
        ),
    ] {
        let a = read(s);
        assert_eq!(
            tone(&a, x, y),
            Some(Tone::Conflict),
            "{s}: {:#?}",
            a.evidence
        );
        assert_eq!(direction(&a, x, y), Some(Direction::AToB), "{s}");
    }
}

#[test]
fn abbreviated_title_before_a_name_ends_no_phrase() {
    let a = read("Ms. Haley is said to have a strained relationship with Mr. Bolton.");
    assert_eq!(tone(&a, "john-bolton", "nikki-haley"), Some(Tone::Conflict));
}

#[test]
fn how_the_urged_stand_is_stated_over_the_urged_event() {
    let a = read(
        "Britain is urging Pakistan and India to talk to one another over their soaring tensions.",
    );
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
}

#[test]
fn adjective_before_its_noun_is_no_predicate() {
    let a = read(
        "The North has carried out weapons tests in apparent protest of the ongoing joint military exercise by South Korea and the U.S.",
    );
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        tone(&a, "south-korea", "united-states"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn ing_form_after_a_name_has_that_name_as_subject() {
    let a = read(
        "Oil prices climbed amid Russia shelling Ukraine's ports.\n\
         The summit went ahead despite Japan urging China to take a firm line against North Korea.",
    );
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "japan", "china"), Some(Direction::AToB));
}

#[test]
fn clause_subject_is_the_other_side_of_a_late_one_sided_event() {
    let a = read(
        "Iran has supplied Venezuela and Cuba with drones, artillery shells and spare parts over the past two years, in breach of European Union sanctions.",
    );
    assert_eq!(tone(&a, "european-union", "iran"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "cuba", "iran"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "cuba", "european-union"), None);
}

#[test]
fn preposition_left_without_object_shares_the_next_ones() {
    let a = read("Japan will cut off oil supplies to and cargo flights from North Korea.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "japan", "north-korea"), Some(Direction::AToB));
}

#[test]
fn a_collision_between_two_sides_is_a_clash_of_both() {
    let a = read(
        "The joint US-Philippine exercises, which run until Wednesday next week, also come days after a collision between a Chinese and a Philippine vessel in the South China Sea.",
    );
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "china", "philippines"),
        Some(Direction::Mutual)
    );
    assert_eq!(
        tone(&a, "philippines", "united-states"),
        Some(Tone::Cooperation)
    );
    // The names after "a collision between" are the collision's, not the exercises' before it,
    // with or without a clause between the two.
    let a = read(
        "The joint exercises also come days after a collision between a Chinese and a Philippine vessel in the South China Sea.",
    );
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    let a = read(
        "The joint US-Philippine exercises also come days after a collision between a Chinese and a Philippine vessel in the South China Sea.",
    );
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "china", "united-states"), None);
    // A collision naming no side of it is no relation.
    let a = read("A collision on a Russian railway killed ten people, Ukrainian media said.");
    assert_eq!(tone(&a, "russia", "ukraine"), None);
}

#[test]
fn a_pledge_of_an_unknown_act_is_no_cooperation_with_its_object() {
    // The act pledged is not one the lexicon knows: nothing is said of the pledger's stance.
    let a = read("Ukraine vowed to drive Russia out of its territory.");
    assert_eq!(tone(&a, "russia", "ukraine"), None);
    let a = read("The United States vowed to stop China's illegal activities.");
    assert_eq!(tone(&a, "china", "united-states"), None);
    // An act it knows carries its tone; a pledge made to a party is cooperation with it.
    let a = read("Kim Jong Un vowed to destroy South Korea.");
    assert_eq!(tone(&a, "kim-jong-un", "south-korea"), Some(Tone::Conflict));
    let a = read("China pledged to support Russia.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Cooperation));
    let a = read("Japan pledged to the Ukrainian people that aid would continue.");
    assert_eq!(tone(&a, "japan", "ukraine"), Some(Tone::Cooperation));
    let a = read("Japan promised North Korea food aid.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Cooperation));
}

#[test]
fn defeating_or_destroying_a_party_is_an_assault() {
    let a = read("He said Pakistan returned fire and destroyed some Indian posts.");
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "pakistan", "india"), Some(Direction::AToB));
    // Things destroyed are no party.
    let a = read("The storm destroyed roads in North Korea, Russia said.");
    assert_eq!(tone(&a, "north-korea", "russia"), None);
}

#[test]
fn two_sides_that_agreed_agree_with_each_other() {
    // "agreed" is a cue ("agree" ends in "ee": its past is not "agreeed").
    let a = read("Japan and South Korea agreed on Tuesday.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    let a =
        read("Russia and North Korea agreed on Thursday to build a road bridge across the river.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    // What they agreed to do is theirs, not a relation with the names in it.
    let a = read("Japan and South Korea agreed to share intelligence on North Korean missiles.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "japan", "north-korea"), None);
    assert_eq!(tone(&a, "north-korea", "south-korea"), None);
    // An event agreed on carries the relation and its cue.
    let a = read(
        "South Korea and Japan agreed to resume regular talks between their defence ministries.",
    );
    let e = pair(&a, "japan", "south-korea").expect("the talks");
    assert_eq!(e.tone, Tone::Cooperation);
    assert_eq!(e.cue.as_deref(), Some("talks"));
}

#[test]
fn vetoing_sanctions_on_a_side_takes_its_side() {
    let a = read("Russia and China vetoed sanctions against North Korea.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Cooperation));
    let a = read("China's veto of new sanctions on North Korea angered Washington.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Cooperation));
    // A veto of a party's act is still a clash with that party.
    let a = read("Russia vetoed the UN resolution on North Korea.");
    assert_eq!(tone(&a, "russia", "united-nations"), Some(Tone::Conflict));
}

#[test]
fn opposing_a_resolution_takes_a_side_against_the_event_it_carries() {
    let a = read("Russia vetoed a resolution condemning North Korea.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    let a = read("China opposed a resolution imposing new sanctions on North Korea.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Cooperation));
    let a = read("Russia opposed the adoption of a resolution on sanctions against North Korea.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    let a = read("The United States backed a resolution condemning Russia.");
    assert_eq!(tone(&a, "russia", "united-states"), Some(Tone::Conflict));
}

#[test]
fn those_involved_in_an_event_are_its_agents() {
    let a = read("The US sanctioned North Korean officials involved in arms transfers to Russia.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "russia", "united-states"), None);
    let a =
        read("Washington sanctioned Chinese firms involved in the supply of components to Russia.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "russia", "united-states"), None);
}

#[test]
fn an_event_denied_in_a_that_clause_does_not_count() {
    let a = read("Russia denied that its troops attacked Ukraine.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Neutral));
}

#[test]
fn an_event_an_act_is_about_is_not_the_actors() {
    // The treaty and the deal are Moscow's with Pyongyang, not Seoul's.
    let a = read("Seoul protested to Moscow over the treaty with Pyongyang.");
    assert_eq!(tone(&a, "russia", "south-korea"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "north-korea", "south-korea"), None);
    let a = read("Seoul summoned the Russian ambassador over the arms deal with North Korea.");
    assert_eq!(tone(&a, "north-korea", "south-korea"), None);
    let a = read("Russia and China clashed over the sanctions on North Korea.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "north-korea", "russia"), None);
    // An event whose agent is written keeps it.
    let a = read("Japan protested over China's blockade of Taiwan.");
    assert_eq!(tone(&a, "china", "taiwan"), Some(Tone::Conflict));
}

#[test]
fn drills_held_with_another_side_are_joint() {
    let a = read("Russia conducted naval exercises with China in the Sea of Japan.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Cooperation));
    let a = read("North Korea warned the United States about its drills with South Korea.");
    assert_eq!(
        tone(&a, "south-korea", "united-states"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
}

#[test]
fn blocking_another_side_is_coercion() {
    let a = read("The Chinese coast guard blocked a Philippine supply boat near the shoal.");
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "philippines"), Some(Direction::AToB));
    let a = read("The US Navy imposed a blockade on Cuba in 1962.");
    assert_eq!(tone(&a, "cuba", "united-states"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "cuba"),
        Some(Direction::AToB)
    );
    // Blocking a thing that is no party names no one blocked.
    let a = read("Russia said the storm blocked roads across Ukraine.");
    assert_eq!(tone(&a, "russia", "ukraine"), None);
}

// ---------------------------------------------------------------------------------------------
// Korean.

#[test]
fn korean_opposing_a_sanctions_resolution_takes_the_sanctioned_sides_part() {
    // The operator sees through the resolution and its adoption to the sanctions.
    let a = read("러시아는 대북 제재 결의안에 거부권을 행사했다.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    let a = read("중국과 러시아는 대북 추가 제재 결의안 채택에 반대했다.");
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    let a = read("미국은 대북 제재 결의안 채택을 지지했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
}

#[test]
fn korean_summit_is_cooperation() {
    let a = read("김정은 위원장과 블라디미르 푸틴 대통령은 이날 정상회담을 가졌다.");
    assert_eq!(
        tone(&a, "kim-jong-un", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        direction(&a, "kim-jong-un", "vladimir-putin"),
        Some(Direction::Mutual)
    );
}

#[test]
fn korean_condemnation_is_conflict_from_subject_to_object() {
    let a = read("일본은 북한의 미사일 발사를 강하게 규탄했다.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "japan", "north-korea"), Some(Direction::AToB));
}

#[test]
fn korean_sanctions_on_x_are_conflict() {
    let a = read("미국은 러시아에 대한 추가 제재를 발표했다.");
    assert_eq!(tone(&a, "russia", "united-states"), Some(Tone::Conflict));
}

#[test]
fn korean_owner_of_sanctions_toward_x_imposes_them_when_nobody_else_acts() {
    // The council's sanctions resolution toward the North was adopted: the council acts.
    let a = read("유엔 안전보장이사회의 새로운 대북 제재결의안이 채택됐다.");
    assert_eq!(
        tone(&a, "north-korea", "un-security-council"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "un-security-council", "north-korea"),
        Some(Direction::AToB)
    );
    // A bare name before the war it qualifies owns nothing: supporting Russia's war on
    // Ukraine is no cooperation with Ukraine.
    let a = read("러시아의 우크라이나 전쟁을 지원하기 위한 병력 배치이다.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
}

#[test]
fn korean_negated_support_is_conflict() {
    let a = read("중국은 러시아의 제안을 지지하지 않았다.");
    assert_eq!(tone(&a, "china", "russia"), Some(Tone::Conflict));
}

#[test]
fn korean_refused_cooperation_is_conflict() {
    let a = read("일본은 중국과의 협력을 거부했다.");
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
}

#[test]
fn korean_opposition_to_sanctions_is_support() {
    let a = read("러시아는 북한에 대한 제재에 반대했다.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
}

#[test]
fn korean_source_is_not_a_party() {
    let a = read("연합뉴스에 따르면 미국은 북한과 회담을 열 예정이다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Cooperation)
    );
    assert!(
        !pairs(&a)
            .iter()
            .any(|(x, y)| x == "yonhap" || y == "yonhap"),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn korean_supposed_event_is_neutral() {
    let a = read("러시아가 우크라이나를 다시 공격할 수도 있다.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Neutral));
}

#[test]
fn korean_comma_inside_a_number_ends_no_clause() {
    let a = read("일본은 베트남에 1,200억 엔을 투자하기로 약속했다.");
    assert_eq!(tone(&a, "japan", "vietnam"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "japan", "vietnam"), Some(Direction::AToB));
}

#[test]
fn korean_names_listed_with_commas_share_the_last_particle() {
    let a = read(
        "시진핑 중국 국가주석은 김정은 북한 국무위원장, 푸틴 러시아 대통령과의 3자 회담에서 입장을 밝혔다.",
    );
    assert_eq!(
        tone(&a, "kim-jong-un", "xi-jinping"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        tone(&a, "vladimir-putin", "xi-jinping"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_partner_with_also_particle_is_a_partner() {
    let a = read("시진핑 주석은 푸틴 대통령과도 통화했다.");
    assert_eq!(
        tone(&a, "vladimir-putin", "xi-jinping"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_no_intention_to_meet_is_a_refusal_but_no_plan_is_not() {
    let a = read("북한은 \"일본과 마주 앉을 생각이 없다\"는 입장을 밝혔다.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "north-korea", "japan"), Some(Direction::AToB));
    let a = read("폴란드는 우크라이나에 파병할 계획이 없다고 밝혔다.");
    assert_eq!(tone(&a, "poland", "ukraine"), Some(Tone::Neutral));
}

#[test]
fn korean_owner_of_a_war_named_by_a_country_fights_it() {
    let a = read("이는 러시아의 우크라이나 전쟁을 돕기 위한 것이다.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
}

#[test]
fn korean_quotation_before_an_adnominal_verb_of_saying_is_speech() {
    let a = read("북한은 최근 담화를 통해 \"미국과 마주 앉을 생각이 없다\"는 입장을 밝힌 바 있다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "north-korea", "united-states"),
        Some(Direction::AToB)
    );
}

#[test]
fn korean_term_in_quotation_marks_is_no_quotation() {
    let a = read("트럼프 대통령과 김정은이 '깜짝 회동'을 했다.");
    assert_eq!(
        tone(&a, "donald-trump", "kim-jong-un"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_title_glued_to_a_name_carries_its_particle() {
    let a = read("유엔 주재 미국대사는 “북한 유류 공급의 30%를 차단하는 셈”이라고 강조했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "united-states", "north-korea"),
        Some(Direction::AToB)
    );
    // Where the envoy is posted is part of the title.
    assert_eq!(pair(&a, "north-korea", "united-nations"), None);
}

#[test]
fn korean_plural_and_compound_titles_carry_their_particle() {
    let a = read("프랑스 관리들은 미국의 지원이 함께 이뤄져야 한다는 입장이다.");
    assert_eq!(tone(&a, "france", "united-states"), Some(Tone::Cooperation));
    let a = read("한국을 방문중인 미 국무부 부장관 겸 대북정책특별대표는 이날 그렇게 밝혔다.");
    assert_eq!(
        tone(&a, "south-korea", "united-states-department-of-state"),
        Some(Tone::Cooperation)
    );
    // "북" inside the title is the title's contents, no party.
    assert_eq!(
        pair(&a, "north-korea", "south-korea"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn korean_press_spoken_to_is_no_party() {
    let a = read("미국 정부 당국자는 연합뉴스와의 통화에서 러시아와의 협상을 설명했다.");
    assert!(
        !pairs(&a)
            .iter()
            .any(|(x, y)| x == "yonhap" || y == "yonhap"),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn korean_owner_does_the_event_to_the_name_before_its_noun() {
    let a =
        read("트럼프는 우크라이나의 북대서양조약기구(NATO·나토) 가입을 지지하지 않는다고 말했다.");
    assert_eq!(tone(&a, "nato", "ukraine"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "ukraine", "nato"), Some(Direction::AToB));
    assert_eq!(tone(&a, "donald-trump", "ukraine"), Some(Tone::Conflict));
}

#[test]
fn korean_trilateral_meeting_pairs_every_side() {
    let a = read(
        "트럼프 당선인은 젤렌스키 우크라이나 대통령, 마크롱 프랑스 대통령과의 3자 회동에서 이렇게 밝혔다.",
    );
    assert_eq!(tone(&a, "france", "ukraine"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "france", "ukraine"), Some(Direction::Mutual));
    let a =
        read("트럼프 당선인은 젤렌스키 우크라이나 대통령, 마크롱 프랑스 대통령과 각각 회동했다.");
    assert_eq!(pair(&a, "france", "ukraine"), None, "{:#?}", a.evidence);
}

#[test]
fn korean_subject_of_one_quotation_acts_in_the_next() {
    let a = read(
        "WSJ은 \"트럼프 당선인은 아직 결정하지 않았다\"며 \"동맹국들은 물론 푸틴 대통령과도 대화한 뒤에 결정이 이뤄질 것\"이라고 전망했다.",
    );
    assert_eq!(
        tone(&a, "donald-trump", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_name_toward_an_event_belongs_to_the_nearest_event_noun() {
    let a = read("미국은 러시아에 대한 제재를 강화하기로 합의했다.");
    assert_eq!(tone(&a, "russia", "united-states"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "russia"),
        Some(Direction::AToB)
    );
}

#[test]
fn korean_event_noun_in_the_subject_is_not_the_speakers_act() {
    let a =
        read("일본과 한국에 대한 무기 판매 승인은 우리를 겨냥한 것이라고 북한 외무성이 주장했다.");
    assert!(
        !pairs(&a).iter().any(|(x, y)| x == "japan" || y == "japan"),
        "{:#?}",
        a.evidence
    );
}

#[test]
fn korean_names_joined_before_a_meeting_are_its_sides_not_the_speaker() {
    let a = read("문재인 대통령이 3차 미·북 정상회담 필요성을 강조했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Cooperation)
    );
    assert_eq!(
        pair(&a, "moon-jae-in", "north-korea"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(pair(&a, "moon-jae-in", "united-states"), None);
}

#[test]
fn korean_names_glued_together_name_both_sides() {
    let a = read("북한은 한미 연합군사훈련을 강력히 규탄했다.");
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        tone(&a, "south-korea", "united-states"),
        Some(Tone::Cooperation)
    );
    let a = read("북한이 북미 정상회담 무산 가능성까지 거론했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Conflict)
    );
}

#[test]
fn korean_vote_for_sanctions_toward_a_country_is_conflict_with_it() {
    let a = read(
        "대북 제재안에 소극적이던 중국과 러시아도 이날 표결에 참여해 제재안에 찬성표를 던졌다.",
    );
    assert_eq!(tone(&a, "china", "north-korea"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "russia", "north-korea"),
        Some(Direction::AToB)
    );
}

#[test]
fn korean_pair_of_countries_and_their_relations() {
    let a = read("청년 지원을 위해 한일 양국이 공동기금을 설치하는 방안 등도 논의된다.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    let a = read("기시다 총리는 한일관계 개선을 높이 평가했다.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "japan", "south-korea"),
        Some(Direction::Mutual)
    );
}

#[test]
fn korean_lifting_of_anothers_sanctions_wanted_by_their_target_is_conflict() {
    let a = read("북한은 핵심 유엔제재 전부 해제만을 고집했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-nations"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "united-nations", "north-korea"),
        Some(Direction::AToB)
    );
    // Lifting one's own sanctions is a concession.
    let a = read("미국은 대북 제재 해제를 결정했다.");
    assert_eq!(
        tone(&a, "north-korea", "united-states"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_feared_possibility_is_neutral() {
    let a = read("러시아가 이후 병력을 재건해 우크라이나를 재침공할 수 있다는 우려도 큽니다.");
    assert_ne!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
}

#[test]
fn korean_verb_ending_is_no_subject_particle() {
    let a =
        read("메드베데프는 유니세프에 식량과 비료를 지원하는 방안을 논의 중인 것으로 알려졌다.");
    assert!(
        pair(&a, "dmitry-medvedev", "unicef").is_some(),
        "{:#?}",
        a.evidence
    );
}

// ---------------------------------------------------------------------------------------------
// Conflict stated in other shapes: failed talks, relative clauses, export controls.

#[test]
fn talks_that_collapsed_are_conflict() {
    let a = read(
        "The talks between Japan and China collapsed on Friday.\n\
         Negotiations between Seoul and Tokyo broke down after a week.\n\
         The trade deal between Canada and India fell through.",
    );
    assert_eq!(tone(&a, "japan", "china"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "south-korea", "japan"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "canada", "india"), Some(Tone::Conflict));
    let e = pair(&a, "japan", "china").expect("evidence");
    assert_eq!(e.category, Some(Category::Reject));
    let (s, t) = e.cue_span.expect("a cue span");
    assert_eq!(&e.sentence[s as usize..t as usize], "collapsed");
}

#[test]
fn plural_noun_after_the_is_not_a_verb_that_ends_the_list() {
    // "talks" here is the noun: "and China" goes on with the pair, it opens no clause.
    let a = read("The talks between Japan and China went on for a week.");
    assert_eq!(tone(&a, "japan", "china"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "japan", "china"), Some(Direction::Mutual));
}

#[test]
fn talks_that_went_well_are_not_a_breakdown() {
    let a = read(
        "The talks between Japan and China went smoothly, and the ministers fell silent only once.",
    );
    assert_ne!(tone(&a, "japan", "china"), Some(Tone::Conflict));
}

#[test]
fn sanctions_a_relative_clause_imposes_name_its_agent() {
    let a = read(
        "The new sanctions, which Washington imposed on Moscow last year, hurt its banks.\n\
         Critics say the tariffs that Beijing has imposed on Australia are unfair.",
    );
    assert_eq!(tone(&a, "united-states", "russia"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "russia"),
        Some(Direction::AToB)
    );
    assert_eq!(tone(&a, "china", "australia"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "australia"), Some(Direction::AToB));
}

#[test]
fn object_relative_takes_the_name_it_hangs_on() {
    let a = read(
        "Kyiv, which Moscow has long accused of shelling the plant, denied the claim.\n\
         Iran, whom Washington accuses of arming militias, rejected the report.",
    );
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    assert_eq!(tone(&a, "united-states", "iran"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "iran"),
        Some(Direction::AToB)
    );
}

#[test]
fn subject_relative_is_not_an_object_relative() {
    // "which" is the subject here: Japan invites, Russia is invited.
    let a = read("Japan, which invited Russia to the forum, named its delegates.");
    assert_eq!(tone(&a, "japan", "russia"), Some(Tone::Cooperation));
    assert_eq!(direction(&a, "japan", "russia"), Some(Direction::AToB));
}

#[test]
fn frozen_and_jammed_are_conflict() {
    let a = read(
        "The EU immobilised Russian assets worth billions.\n\
         Pakistan jammed the radios of Indian jets.",
    );
    assert_eq!(tone(&a, "european-union", "russia"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "pakistan", "india"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "pakistan", "india"), Some(Direction::AToB));
}

#[test]
fn helping_one_side_fight_is_conflict_with_the_other() {
    let a = read(
        "Officials said Belarusian units that helped Russia repel a Ukrainian offensive into its border region are now clearing mines.\n\
         Belarus is helping Russia against Ukraine.",
    );
    assert_eq!(tone(&a, "belarus", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&a, "belarus", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "belarus", "ukraine"), Some(Direction::AToB));
}

#[test]
fn helping_one_side_rebuild_is_not_fighting() {
    let a = read("Canada helped Ukraine repair its power plants.");
    assert_eq!(tone(&a, "canada", "ukraine"), Some(Tone::Cooperation));
    assert_eq!(a.evidence.len(), 1, "{:#?}", a.evidence);
}

#[test]
fn it_opening_a_clause_is_the_state_just_named() {
    let a = read(
        "The delays placate the hawks, who oppose rewarding Iran while it continues to defy the U.N. Security Council.",
    );
    assert_eq!(
        tone(&a, "iran", "un-security-council"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "iran", "un-security-council"),
        Some(Direction::AToB)
    );
}

#[test]
fn owner_of_the_object_is_the_other_side_unless_it_is_the_subjects() {
    let a = read(
        "Indian jets crossed the line at night, but Pakistan jammed their radios.\n\
         Several countries including Japan and Canada warned their citizens against travel to Iran.",
    );
    assert_eq!(tone(&a, "pakistan", "india"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "pakistan", "india"), Some(Direction::AToB));
    assert_eq!(tone(&a, "japan", "iran"), None, "{:#?}", a.evidence);
    assert_eq!(tone(&a, "canada", "iran"), None, "{:#?}", a.evidence);
}

#[test]
fn violating_a_body_s_resolutions_is_conflict() {
    let a = read("North Korea violated UN Security Council resolutions again.");
    assert_eq!(
        tone(&a, "north-korea", "un-security-council"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "north-korea", "un-security-council"),
        Some(Direction::AToB)
    );
}

#[test]
fn war_of_words_is_conflict() {
    let a = read("Japan is locked in a war of words with China over the islands.");
    assert_eq!(tone(&a, "japan", "china"), Some(Tone::Conflict));
}

#[test]
fn korean_putting_off_a_concession_is_a_refusal() {
    let a = read(
        "미국은 북한을 테러지원국에서 해제하는 조치를 미뤄왔다.\n\
         일본은 캐나다와의 협정 서명을 보류했다.",
    );
    assert_eq!(
        tone(&a, "united-states", "north-korea"),
        Some(Tone::Conflict)
    );
    assert_eq!(
        direction(&a, "united-states", "north-korea"),
        Some(Direction::AToB)
    );
    assert_eq!(tone(&a, "japan", "canada"), Some(Tone::Conflict));
}

#[test]
fn korean_talks_broken_off_between_two_topics_are_conflict() {
    let a = read(
        "당시 일본은 배상 거부만을 고집했고, 한국은 공식 사과를 요구하면서 협상이 결렬됐다.\n\
         캐나다는 관세 인하를 원했고, 인도는 시장 개방을 제안했다.",
    );
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "japan", "south-korea"),
        Some(Direction::Mutual)
    );
    // Two topics with no breakdown between them are no relation.
    assert_eq!(tone(&a, "canada", "india"), None, "{:#?}", a.evidence);
}

#[test]
fn acting_despite_warnings_is_conflict_with_who_warned() {
    let a = read(
        "Japan went ahead with the drills despite repeated warnings from China.\n\
         Despite Russian objections, Poland joined the exercise.\n\
         Critics blamed Canada for pressing on despite protests from India.",
    );
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "japan"), Some(Direction::AToB));
    assert_eq!(tone(&a, "russia", "poland"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "poland"), Some(Direction::AToB));
    assert_eq!(tone(&a, "india", "canada"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "canada"), Some(Direction::AToB));
}

#[test]
fn relative_pronoun_subject_is_the_owner_of_the_noun_it_stands_for() {
    let a = read(
        "The report describes Chinese networks that target Japanese firms.\n\
         Officials said Israeli drones, which struck Egyptian posts overnight, were recalled.\n\
         Moscow's units that shelled Ukrainian towns were moved south.",
    );
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "japan"), Some(Direction::AToB));
    assert_eq!(tone(&a, "israel", "egypt"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "israel", "egypt"), Some(Direction::AToB));
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
}

#[test]
fn refusal_governs_its_own_verb_not_a_participle_after_its_object() {
    let a = read(
        "Kyiv refuses to give up land occupied by Russia.\n\
         Japan refused to recognise islands seized by China.\n\
         Canada refused to even hold talks with India.",
    );
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
    // The refusal still turns the talks it governs.
    assert_eq!(tone(&a, "canada", "india"), Some(Tone::Conflict));
}

#[test]
fn name_ending_a_list_is_not_the_subject_of_the_next_verb() {
    let a = read(
        "She vowed a hard line on the wars in Ukraine and Syria and would keep criticising Putin's rule.",
    );
    assert_eq!(
        tone(&a, "syria", "vladimir-putin"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(
        tone(&a, "ukraine", "vladimir-putin"),
        None,
        "{:#?}",
        a.evidence
    );
    // A list after "after" is still the subject of its clause.
    let b = read("He criticised the allies after Canada and Japan attacked Iran in May.");
    assert_eq!(tone(&b, "canada", "iran"), Some(Tone::Conflict));
}

#[test]
fn former_office_names_no_party() {
    let a = read(
        "Russia mocked the former US president.\n\
         Former UN ambassador Nikki Haley criticised Russia.",
    );
    assert_eq!(
        tone(&a, "russia", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(
        tone(&a, "united-nations", "russia"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(tone(&a, "nikki-haley", "russia"), Some(Tone::Conflict));
}

#[test]
fn two_sides_that_failed_to_agree_are_in_conflict_with_each_other() {
    let a = read(
        "Japan and China failed to reach a deal on the islands.\n\
         India and Pakistan could not agree on a ceasefire.\n\
         Talks between Canada and Poland ended without agreement.",
    );
    for (x, y) in [
        ("japan", "china"),
        ("india", "pakistan"),
        ("canada", "poland"),
    ] {
        assert_eq!(tone(&a, x, y), Some(Tone::Conflict), "{x}-{y}");
        assert_eq!(direction(&a, x, y), Some(Direction::Mutual), "{x}-{y}");
    }
}

#[test]
fn rejecting_talks_is_a_refusal_and_rejecting_a_demand_is_conflict_with_who_made_it() {
    let a = read(
        "North Korea rejected talks with South Korea.\n\
         China rejected the demands of Japan outright.",
    );
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "north-korea", "south-korea"),
        Some(Direction::AToB)
    );
    assert_eq!(tone(&a, "china", "japan"), Some(Tone::Conflict));
}

#[test]
fn korean_export_controls_are_conflict_not_trade() {
    let a = read(
        "미국 정부는 중국에 대한 수출 통제를 강화했다.\n\
         일본은 한국에 대한 수출규제를 발표했다.\n\
         한국은 캐나다에 반도체를 수출했다.",
    );
    assert_eq!(tone(&a, "united-states", "china"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "united-states", "china"),
        Some(Direction::AToB)
    );
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "south-korea", "canada"), Some(Tone::Cooperation));
}

#[test]
fn irregular_participle_with_by_is_a_passive_attack() {
    let a = read("Two Ukrainian drones were shot down by Russia over the Black Sea.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
    let a = read("Kyiv was struck by Russian missiles overnight.");
    assert_eq!(direction(&a, "russia", "ukraine"), Some(Direction::AToB));
}

#[test]
fn downing_aircraft_is_an_attack() {
    let a = read("India said it downed three Pakistani drones near the border.");
    assert_eq!(tone(&a, "india", "pakistan"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "india", "pakistan"), Some(Direction::AToB));
}

#[test]
fn hitting_a_state_is_an_attack_but_hitting_a_record_is_not() {
    let a = read("Iran was hit by Israeli missiles on Friday.");
    assert_eq!(tone(&a, "iran", "israel"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "israel", "iran"), Some(Direction::AToB));
    let a = read("South Korea hit a record in its exports to Japan.");
    assert_ne!(tone(&a, "japan", "south-korea"), Some(Tone::Conflict));
}

#[test]
fn fighting_alongside_is_cooperation() {
    let a = read("Belarus may send troops to fight alongside Russia next year.");
    assert_eq!(tone(&a, "belarus", "russia"), Some(Tone::Cooperation));
    let a = read("Polish volunteers fought alongside Ukrainian units near the river.");
    assert_eq!(tone(&a, "poland", "ukraine"), Some(Tone::Cooperation));
}

#[test]
fn rolling_out_the_red_carpet_is_hosting() {
    let a = read("Vietnam rolled out the red carpet for Xi Jinping on Monday.");
    assert_eq!(tone(&a, "vietnam", "xi-jinping"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "vietnam", "xi-jinping"),
        Some(Direction::AToB)
    );
}

#[test]
fn protest_lodged_with_a_state_is_conflict_with_it() {
    let a = read("Seoul lodged a protest with Tokyo over the textbooks.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Conflict));
    let a = read("The Philippines protested to China after the collision.");
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
}

#[test]
fn provoking_deterring_countering_or_delegitimising_a_state_is_conflict() {
    for (s, x, y) in [
        (
            "Taiwan accused China of trying to provoke Taiwan.",
            "china",
            "taiwan",
        ),
        (
            "Japan is building missiles to deter China.",
            "china",
            "japan",
        ),
        (
            "Australia is buying submarines to counter China.",
            "australia",
            "china",
        ),
        (
            "Beijing has sought to delegitimise Taiwan abroad.",
            "china",
            "taiwan",
        ),
    ] {
        let a = read(s);
        assert_eq!(tone(&a, x, y), Some(Tone::Conflict), "{s}");
    }
    // "Counter" with no actor as its object names no relation.
    let a = read("Japan and the Philippines agreed to counter piracy together.");
    assert_ne!(tone(&a, "japan", "philippines"), Some(Tone::Conflict));
}

#[test]
fn crackdown_on_and_rebuke_to_are_conflict() {
    let a = read("China cracked down on Philippine fishermen near the shoal.");
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    let a = read("In a rebuke to Moscow, Poland closed its border crossings.");
    assert_eq!(tone(&a, "poland", "russia"), Some(Tone::Conflict));
    let a = read("Iran hit back at Israel with drones.");
    assert_eq!(tone(&a, "iran", "israel"), Some(Tone::Conflict));
}

#[test]
fn office_in_an_apposition_shares_the_holders_acts() {
    let a = read("Lavrov, the Russian Minister of Foreign Affairs, met Wang Yi in Beijing.");
    assert_eq!(tone(&a, "russia", "wang-yi"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "russia", "sergei-lavrov"),
        None,
        "{:#?}",
        a.evidence
    );
    let a = read("Wang Yi later met Lavrov, his Russian counterpart.");
    assert_eq!(tone(&a, "russia", "wang-yi"), Some(Tone::Cooperation));
}

#[test]
fn office_named_before_the_holder_shares_the_holders_acts() {
    let a = read("Japan's defence minister, Gen Nakatani, met Lloyd Austin on Sunday.");
    assert_eq!(tone(&a, "japan", "lloyd-austin"), Some(Tone::Cooperation));
}

#[test]
fn kin_and_scholars_in_an_apposition_do_not_act_for_a_state() {
    let a = read("Kim Jong Un's sister, Kim Yo Jong, slammed South Korea on Monday.");
    assert_eq!(tone(&a, "kim-yo-jong", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        pair(&a, "kim-jong-un", "south-korea"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn subordinate_clause_without_a_subject_is_the_main_subjects() {
    let a = read("Macron made the offer while on a visit to Beijing last spring.");
    assert_eq!(
        tone(&a, "china", "emmanuel-macron"),
        Some(Tone::Cooperation)
    );
    let a = read("Scholz raised the matter while visiting Tokyo.");
    assert_eq!(tone(&a, "japan", "olaf-scholz"), Some(Tone::Cooperation));
    // A subordinate clause with its own subject keeps it.
    let a = read("Japan sent food aid while China imposed sanctions on Vietnam.");
    assert_eq!(pair(&a, "japan", "vietnam"), None, "{:#?}", a.evidence);
}

#[test]
fn government_in_a_capital_is_the_state_not_a_place() {
    let a = read("The regime in Pyongyang fired two missiles toward Japan on Sunday.");
    assert_eq!(tone(&a, "japan", "north-korea"), Some(Tone::Conflict));
    let a =
        read("Officials praised the close cooperation between the governments in Seoul and Tokyo.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    // Troops in a country are somewhere, not its government.
    let a = read("US troops in Syria clashed with Iranian militias.");
    assert_eq!(
        pair(&a, "syria", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
}

#[test]
fn diplomatic_and_judicial_measures_against_a_states_people_are_conflict() {
    for (s, x, y) in [
        (
            "Japan summoned the Chinese ambassador over the incident.",
            "china",
            "japan",
        ),
        (
            "Seoul lodged a complaint with Tokyo about the textbooks.",
            "japan",
            "south-korea",
        ),
        (
            "The US indicted seven Chinese hackers on Tuesday.",
            "china",
            "united-states",
        ),
        (
            "Russia jailed an American journalist for six years.",
            "russia",
            "united-states",
        ),
        (
            "Iran executed a British national last week.",
            "iran",
            "united-kingdom",
        ),
        ("China imposed new export curbs on Japan.", "china", "japan"),
    ] {
        let a = read(s);
        assert_eq!(tone(&a, x, y), Some(Tone::Conflict), "{s}");
    }
    // "Execute" a plan, "summon" one's own cabinet: no measure against anyone.
    let a = read("Japan summoned its cabinet to discuss the plan with China.");
    assert_ne!(tone(&a, "china", "japan"), Some(Tone::Conflict));
}

#[test]
fn attacks_in_other_words_are_conflict() {
    for (s, x, y) in [
        (
            "Russia pounded Ukrainian cities overnight.",
            "russia",
            "ukraine",
        ),
        (
            "North Korea fired a missile over Japan.",
            "japan",
            "north-korea",
        ),
        (
            "Russia tried to influence the US election.",
            "russia",
            "united-states",
        ),
    ] {
        let a = read(s);
        assert_eq!(tone(&a, x, y), Some(Tone::Conflict), "{s}");
    }
}

#[test]
fn facing_a_mutual_conflict_is_being_a_party_to_it() {
    let a = read("Seoul faces rising tensions with Pyongyang after the launch.");
    assert_eq!(tone(&a, "north-korea", "south-korea"), Some(Tone::Conflict));
    assert_eq!(
        direction(&a, "south-korea", "north-korea"),
        Some(Direction::Mutual)
    );
    let a = read("India faces a long border dispute with China.");
    assert_eq!(tone(&a, "china", "india"), Some(Tone::Conflict));
}

#[test]
fn holding_a_state_responsible_is_blaming_it() {
    let a = read("Iran said Israel was responsible for the killing of its general.");
    assert_eq!(tone(&a, "iran", "israel"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "iran", "israel"), Some(Direction::AToB));
    let a = read("Kyiv held Moscow responsible for the blast at the dam.");
    assert_eq!(direction(&a, "ukraine", "russia"), Some(Direction::AToB));
    // "A responsible power" is praise of a kind, no blame.
    let a = read("Japan said China must act as a responsible power.");
    assert_ne!(tone(&a, "china", "japan"), Some(Tone::Conflict));
}

#[test]
fn sparring_and_loggerheads_are_mutual_conflict() {
    let a = read("Vietnam and China sparred over the fishing grounds again.");
    assert_eq!(tone(&a, "china", "vietnam"), Some(Tone::Conflict));
    assert_eq!(direction(&a, "china", "vietnam"), Some(Direction::Mutual));
    let a = read("India remains at loggerheads with China over the border.");
    assert_eq!(tone(&a, "china", "india"), Some(Tone::Conflict));
}

#[test]
fn korean_tariffs_occupation_and_summoning_are_conflict() {
    for (s, x, y) in [
        (
            "미국은 중국에 추가 관세를 부과했다.",
            "china",
            "united-states",
        ),
        ("러시아는 우크라이나 동부를 점령했다.", "russia", "ukraine"),
        ("일본 외무성은 중국 대사를 초치했다.", "china", "japan"),
        (
            "러시아군이 우크라이나 무인기를 격추했다.",
            "russia",
            "ukraine",
        ),
        (
            "중국이 필리핀 보급선에 물대포를 쐈다.",
            "china",
            "philippines",
        ),
    ] {
        let a = read(s);
        assert_eq!(tone(&a, x, y), Some(Tone::Conflict), "{s}");
    }
    // A tariff agreement is an agreement.
    let a = read("한국과 일본은 관세 협정을 체결했다.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
}

#[test]
fn korean_state_force_named_by_its_country_acts_for_it() {
    let a = read("중국 해경이 필리핀 보급선에 물대포를 쐈다.");
    assert_eq!(tone(&a, "china", "philippines"), Some(Tone::Conflict));
    let a = read("러시아 공군이 우크라이나 남부를 공습했다.");
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
}

// ---------------------------------------------------------------------------------------------
// Bounded by the text.

#[test]
fn a_list_of_names_is_not_a_web_of_relations() {
    let names = [
        "Japan", "China", "Russia", "India", "Pakistan", "Iran", "Syria", "Mongolia", "Vietnam",
        "Laos", "Thailand", "Malaysia",
    ];
    let a = read(&format!(
        "Envoys from {} and Cuba attended the ceremony.",
        names.join(", ")
    ));
    assert!(a.evidence.is_empty(), "{:#?}", a.evidence);
}

#[test]
fn sentence_too_long_for_relations_is_said_in_the_messages() {
    let names = ["Japan", "China", "Russia", "India", "Pakistan", "Iran"].join(" and ");
    let long = format!("{names} condemned Syria, {}.", "and so on ".repeat(200));
    let a = read(&long);
    assert!(a.evidence.is_empty(), "{:#?}", a.evidence);
    assert!(
        a.messages
            .iter()
            .any(|m| m.contains("too long to read for relations")),
        "{:?}",
        a.messages
    );
}

#[test]
fn one_sentence_gives_a_bounded_number_of_pairs() {
    let many: Vec<&str> = vec![
        "Japan",
        "China",
        "India",
        "Pakistan",
        "Iran",
        "Syria",
        "Mongolia",
        "Vietnam",
        "Laos",
        "Thailand",
        "Malaysia",
        "Cuba",
        "Brazil",
        "Egypt",
        "Israel",
        "Canada",
        "Poland",
        "Italy",
        "Germany",
        "France",
        "Australia",
        "Indonesia",
        "Singapore",
        "Philippines",
        "Myanmar",
        "Cambodia",
        "Belarus",
        "Kazakhstan",
        "Venezuela",
        "Taiwan",
    ];
    let a = read(&format!("Russia sanctioned {}.", many.join(", ")));
    assert!(
        a.evidence.len() <= reader::evidence::MAX_PAIRS_PER_SENTENCE,
        "{}",
        a.evidence.len()
    );
    assert!(!a.evidence.is_empty());
    assert!(
        a.messages.iter().any(|m| m.contains("gave only")),
        "{:?}",
        a.messages
    );
}

#[test]
fn evidence_of_a_long_sentence_is_the_clause_around_the_pair() {
    let filler = "officials said the weather was mild and the markets were calm, ".repeat(8);
    let a = read(&format!(
        "In a long statement {filler}Japan imposed new sanctions on North Korea, {filler}and the day ended."
    ));
    let e = pair(&a, "japan", "north-korea").expect("Japan–North Korea evidence");
    assert!(e.sentence.chars().count() < 400, "{}", e.sentence);
    assert!(
        e.sentence
            .contains("Japan imposed new sanctions on North Korea"),
        "{}",
        e.sentence
    );
    let (s, t) = e.cue_span.expect("a cue span");
    assert_eq!(&e.sentence[s as usize..t as usize], "sanctions");
}

// ---------------------------------------------------------------------------------------------
// What carries the evidence on: report, bundle, exports.

#[test]
fn direction_and_category_reach_the_report_and_the_exports() {
    let a = read("Japan imposed new sanctions on North Korea over its missile tests.");
    let corpus = Corpus::assemble(vec![a]);
    let json = corpus.to_json();
    let e = &json["relations"][0]["evidence"][0];
    assert_eq!(e["category"], "sanction");
    assert_eq!(e["direction"], "a_to_b", "japan < north-korea: Japan acts");
    let gexf = corpus::export::to_gexf(&corpus);
    assert!(
        gexf.contains(r#"<attvalue for="source_acts" value="1"/>"#),
        "{gexf}"
    );
    let graphml = corpus::export::to_graphml(&corpus);
    assert!(
        graphml.contains(r#"<data key="source_acts">1</data>"#),
        "{graphml}"
    );
}

#[test]
fn direction_and_category_survive_the_bundle() {
    let a = read("North Korea was condemned by Japan for the launch.");
    let corpus = Corpus::assemble(vec![a]);
    let info = coverage_core::bundle::BuildInfo {
        files: 1,
        built: "2024-06-19T00:00:00Z".into(),
        corpus_hash: String::new(),
    };
    let encoded = corpus::bundle::build(&corpus, &KNOWLEDGE.profiles, info);
    let bundle =
        coverage_core::bundle::Bundle::decode(&encoded.bundle).expect("the bundle decodes");
    let text = bundle.article_text(0).expect("the text decodes");
    let e = text.evidence.first().expect("evidence in the text");
    assert_eq!(e.category, Some(Category::Disapprove));
    // Actor indices follow ids: japan before north-korea, and Japan acts.
    assert_eq!(e.direction, Direction::AToB);
}

// ---------------------------------------------------------------------------------------------
// What is talked about.

#[test]
fn those_who_discuss_an_act_are_not_its_targets() {
    // The launches are North Korea's; the discussers are neither their targets nor their agents.
    let a = read("Japan and South Korea discussed North Korea's missile launches.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    for discusser in ["japan", "south-korea"] {
        assert_ne!(
            tone(&a, discusser, "north-korea"),
            Some(Tone::Conflict),
            "{:#?}",
            a.evidence
        );
    }
    let b = read("Moon Jae-in and Donald Trump talked about North Korea's missile launches.");
    assert_ne!(tone(&b, "moon-jae-in", "north-korea"), Some(Tone::Conflict));
    // Talking of a war is not waging it.
    let c = read("Vladimir Putin and Xi Jinping discussed the war in Ukraine.");
    assert_eq!(
        tone(&c, "vladimir-putin", "xi-jinping"),
        Some(Tone::Cooperation)
    );
    assert_eq!(pair(&c, "ukraine", "xi-jinping"), None, "{:#?}", c.evidence);
    // The act's own sides stay.
    let d = read("The US and Japan discussed Russia's invasion of Ukraine.");
    assert_eq!(tone(&d, "russia", "ukraine"), Some(Tone::Conflict));
    // Condemning it is taking a side.
    let e = read("South Korea condemned North Korea's missile launches.");
    assert_eq!(tone(&e, "north-korea", "south-korea"), Some(Tone::Conflict));
}

#[test]
fn a_name_in_what_is_discussed_is_spoken_of_not_talked_with() {
    let a =
        read("Kim Kyou-hyun flew to Washington to discuss a possible nuclear test by North Korea.");
    assert_eq!(
        tone(&a, "kim-kyou-hyun", "north-korea"),
        Some(Tone::Neutral)
    );
    // The partner comes with "with".
    let b = read("Sergei Lavrov discussed the war in Ukraine with Choe Son Hui.");
    assert_eq!(
        tone(&b, "choe-son-hui", "sergei-lavrov"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn denying_what_a_clause_says_is_no_act_on_its_subject() {
    // "that" opens what is denied: North Korea is its subject, not the object of the denial.
    let a = read("The Kremlin denied that North Korean troops were fighting in Ukraine.");
    assert_eq!(pair(&a, "north-korea", "russia"), None, "{:#?}", a.evidence);
    // The denied event keeps its own sides, and counts for no stance.
    let b = read("Russia denied that North Korean troops were fighting against Ukraine.");
    assert_eq!(pair(&b, "russia", "ukraine"), None, "{:#?}", b.evidence);
    assert_eq!(tone(&b, "north-korea", "ukraine"), Some(Tone::Neutral));
    // Denying someone something is still an act on them.
    let c = read("Russia denied North Korea access to its ports.");
    assert_eq!(tone(&c, "north-korea", "russia"), Some(Tone::Conflict));
}

#[test]
fn paying_a_state_is_aid_and_paying_a_price_is_nothing() {
    let a = read("Russia was paying North Korea for its troops with oil and air defence systems.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "russia", "north-korea"),
        Some(Direction::AToB)
    );
    let b = read("North Korea will pay a heavy price for the launch, South Korea warned.");
    let paid = b
        .evidence
        .iter()
        .any(|e| e.cue.as_deref().is_some_and(|c| c.starts_with("pay")));
    assert!(!paid, "{:#?}", b.evidence);
}

#[test]
fn korean_speaker_after_what_was_said_is_no_party() {
    // The intelligence service reports North Korea's dispatch; it sends nobody.
    let a = read("북한이 러시아에 병력을 파병했다고 국가정보원이 밝혔다.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "national-intelligence-service", "russia"),
        None,
        "{:#?}",
        a.evidence
    );
    // Without a subject of its own, what was said is the speaker's act.
    let b = read("북한에 무기를 지원하겠다고 러시아가 밝혔다.");
    assert_eq!(tone(&b, "north-korea", "russia"), Some(Tone::Cooperation));
}

#[test]
fn korean_capture_is_coercion() {
    let a = read("우크라이나군은 쿠르스크 지역에서 북한군 병사 2명을 생포했다고 밝혔다.");
    assert_eq!(tone(&a, "north-korea", "ukraine"), Some(Tone::Conflict));
}

#[test]
fn korean_cooperation_of_two_owners_needs_no_subject() {
    // "North Korea and Russia's military cooperation is growing": no subject, two owners.
    let a = read("북한과 러시아의 군사협력이 강화되고 있다.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    // "군사" opens with the title word 군 (army) and is no title: 북러 owns the cooperation.
    let b = read("중국은 북러 군사협력에 대해 말을 아꼈다.");
    assert_eq!(tone(&b, "north-korea", "russia"), Some(Tone::Cooperation));
}

#[test]
fn korean_partner_together_with_the_subject_is_on_its_side() {
    let a = read("북한군은 러시아군과 함께 우크라이나군을 공격했다.");
    assert_eq!(tone(&a, "north-korea", "ukraine"), Some(Tone::Conflict));
    assert_eq!(tone(&a, "russia", "ukraine"), Some(Tone::Conflict));
    assert_eq!(pair(&a, "north-korea", "russia"), None, "{:#?}", a.evidence);
    // A partner of a mutual event stays its other side.
    let b = read("한국은 미국과 함께 연합훈련을 실시했다.");
    assert_eq!(
        tone(&b, "south-korea", "united-states"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn korean_compound_right_before_the_noun_owns_it_and_a_halt_asked_for_has_not_come() {
    // 한미 speak of 북러's cooperation: the two pairs do not mix, and the halt is only asked for,
    // so the cooperation stands.
    let a = read("한미 외교장관 \"북러 군사협력 중단 촉구\"");
    assert_eq!(
        pair(&a, "south-korea", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    // Those who ask demand it of both; a halt that came is a break between the two.
    let c = read("한국과 미국 외교장관은 북한과 러시아의 군사협력 중단을 촉구했다.");
    assert_eq!(tone(&c, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(tone(&c, "russia", "south-korea"), Some(Tone::Conflict));
    let d = read("북러 군사협력이 중단됐다.");
    assert_eq!(tone(&d, "north-korea", "russia"), Some(Tone::Conflict));
    // Two leaders listed before a summit are its two sides.
    let b =
        read("김정은 북한 국무위원장과 블라디미르 푸틴 러시아 대통령 정상 회담이 공식 발표됐다.");
    assert_eq!(
        tone(&b, "kim-jong-un", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn a_number_with_thousands_separators_ends_no_clause() {
    let a = read("North Korea sent more than 10,000 soldiers to Russia.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
}

#[test]
fn a_name_speaks_through_the_head_noun_after_it() {
    // "Seoul's military" reports the launch; it is not the launch's target.
    let a =
        read("North Korea fired a ballistic missile toward the East Sea, Seoul's military said.");
    assert_eq!(
        pair(&a, "north-korea", "south-korea"),
        None,
        "{:#?}",
        a.evidence
    );
    let b = read(
        "North Korea fired a ballistic missile toward the East Sea, the South Korean military said.",
    );
    assert_eq!(
        pair(&b, "north-korea", "south-korea"),
        None,
        "{:#?}",
        b.evidence
    );
    // A speaker who acts in what it says is still a party.
    let c = read("The Russian foreign ministry said it would supply North Korea with food aid.");
    assert_eq!(tone(&c, "north-korea", "russia"), Some(Tone::Cooperation));
}

#[test]
fn shielding_a_state_is_support() {
    let a = read("Russia has shielded North Korea from new UN sanctions.");
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        direction(&a, "russia", "north-korea"),
        Some(Direction::AToB)
    );
}

#[test]
fn what_is_told_of_an_act_with_no_subject_is_the_hearers_act() {
    let a = read(
        "South Korea told Russia that military cooperation with North Korea was unacceptable.",
    );
    assert_eq!(tone(&a, "north-korea", "russia"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "north-korea", "south-korea"),
        None,
        "{:#?}",
        a.evidence
    );
    // Told to the press, it stays the speaker's.
    let b = read("Vladimir Putin told reporters that cooperation with North Korea would grow.");
    assert_eq!(
        tone(&b, "north-korea", "vladimir-putin"),
        Some(Tone::Cooperation)
    );
}

#[test]
fn a_preposition_after_an_event_noun_in_what_is_talked_about_is_the_nouns() {
    // "with the US" is the alliance's, not a partner of the talk.
    let a = read("South Korea and Japan talked about the alliance with the US.");
    assert_eq!(tone(&a, "japan", "south-korea"), Some(Tone::Cooperation));
    assert_eq!(
        pair(&a, "japan", "united-states"),
        None,
        "{:#?}",
        a.evidence
    );
    // A noun whose frame does not take it leaves the partner to the verb.
    let b = read("Sergei Lavrov spoke about sanctions with Wang Yi.");
    assert_eq!(
        tone(&b, "sergei-lavrov", "wang-yi"),
        Some(Tone::Cooperation)
    );
}
