//! The words of dates in the languages of this coverage (English, German, French, Spanish,
//! Italian, Portuguese, Russian, Ukrainian, Korean, Japanese, Chinese): month names, weekday
//! names, the labels of publication and update stamps, and the small words a stamp line is made
//! of. Lists only; the scanner and the stamp rules decide what they mean.

use super::Label;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Month names in English, January first (the page reader, the name finder and the synthetic
/// pages share them).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names in English, Sunday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Month words that English writes: full names and abbreviations. A word also written in
/// another language ("April" in German) counts as English, so it says nothing about the order
/// of the page's numeric dates.
const ENGLISH_MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Month words of the other languages here, every one of which writes numeric dates day first:
/// German, French, Spanish, Italian, Portuguese (full, abbreviated, with and without accents),
/// Russian and Ukrainian (genitive as dates print them, nominative, abbreviations).
const DAY_FIRST_MONTHS: [&[&str]; 12] = [
    &[
        "januar",
        "jänner",
        "jän",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "января",
        "январь",
        "янв",
        "січня",
        "січень",
        "січ",
    ],
    &[
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "февраля",
        "февраль",
        "фев",
        "февр",
        "лютого",
        "лютий",
        "лют",
    ],
    &[
        "märz",
        "maerz",
        "mär",
        "mrz",
        "mars",
        "marzo",
        "março",
        "marco",
        "марта",
        "март",
        "мар",
        "березня",
        "березень",
        "бер",
    ],
    &[
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "апреля",
        "апрель",
        "апр",
        "квітня",
        "квітень",
        "квіт",
    ],
    &[
        "mai",
        "mayo",
        "maggio",
        "mag",
        "maio",
        "мая",
        "май",
        "травня",
        "травень",
        "трав",
    ],
    &[
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "июня",
        "июнь",
        "июн",
        "червня",
        "червень",
        "черв",
    ],
    &[
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "июля",
        "июль",
        "июл",
        "липня",
        "липень",
        "лип",
    ],
    &[
        "août",
        "aout",
        "agosto",
        "ago",
        "августа",
        "август",
        "авг",
        "серпня",
        "серпень",
        "серп",
    ],
    &[
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "set",
        "сентября",
        "сентябрь",
        "сен",
        "сент",
        "вересня",
        "вересень",
        "вер",
    ],
    &[
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "октября",
        "октябрь",
        "окт",
        "жовтня",
        "жовтень",
        "жовт",
    ],
    &[
        "novembre",
        "noviembre",
        "novembro",
        "ноября",
        "ноябрь",
        "ноя",
        "нояб",
        "листопада",
        "листопад",
        "лист",
    ],
    &[
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "декабря",
        "декабрь",
        "дек",
        "грудня",
        "грудень",
        "груд",
    ],
];

/// What a month word means: its month, and whether only day-first languages write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthWord {
    pub month: u32,
    pub day_first: bool,
}

static MONTHS: LazyLock<HashMap<&'static str, MonthWord>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, words) in DAY_FIRST_MONTHS.iter().enumerate() {
        for w in *words {
            map.insert(
                *w,
                MonthWord {
                    month: i as u32 + 1,
                    day_first: true,
                },
            );
        }
    }
    // English last: a word both write says nothing about the page's order.
    for (i, words) in ENGLISH_MONTHS.iter().enumerate() {
        for w in *words {
            map.insert(
                *w,
                MonthWord {
                    month: i as u32 + 1,
                    day_first: false,
                },
            );
        }
    }
    map
});

/// The month a word names ("June", "juin", "Juni", "июня", "Sept"), case-blind.
pub(crate) fn month_word(word: &str) -> Option<MonthWord> {
    if word.len() < 3 || word.len() > 20 {
        return None;
    }
    if word.is_ascii() {
        let mut buf = [0u8; 20];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower)
            .ok()
            .and_then(|w| MONTHS.get(w).copied())
    } else {
        MONTHS.get(word.to_lowercase().as_str()).copied()
    }
}

/// Full weekday names, every language here, lowercase. A line that shows one beside a date and
/// no stamp label above the headline is a masthead strip.
const FULL_WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
    "domenica",
    "segunda-feira",
    "terça-feira",
    "terca-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "п'ятниця",
    "пʼятниця",
    "п’ятниця",
    "субота",
    "неділя",
];

/// Weekdays written in CJK scripts, found as substrings (no spaces around them).
const CJK_WEEKDAYS: &[&str] = &["요일", "曜日", "星期", "禮拜", "礼拜"];

/// Weekday abbreviations and the parts of compound names, lowercase: noise on a stamp line, too
/// short to mark a masthead.
const SHORT_WEEKDAYS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mo", "di", "mi",
    "do", "fr", "sa", "so", "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "mié", "mie", "jue",
    "vie", "sáb", "sab", "dom", "gio", "segunda", "terça", "terca", "quarta", "quinta", "sexta",
    "feira", "seg", "ter", "qua", "qui", "sex", "пн", "вт", "ср", "чт", "пт", "сб", "вс", "нд",
];

/// The labels of stamps, lowercase, with what they say and how their language writes numeric
/// dates.
pub(crate) const LABELS: &[(&str, Label, Script)] = &[
    ("published", Label::Published, Script::English),
    ("posted", Label::Published, Script::English),
    ("pub date", Label::Published, Script::English),
    ("publication date", Label::Published, Script::English),
    ("released", Label::Published, Script::English),
    ("issued", Label::Published, Script::English),
    ("date:", Label::Published, Script::English),
    ("veröffentlicht", Label::Published, Script::DayFirst),
    ("veroeffentlicht", Label::Published, Script::DayFirst),
    ("erschienen", Label::Published, Script::DayFirst),
    ("publiziert", Label::Published, Script::DayFirst),
    ("datum:", Label::Published, Script::DayFirst),
    ("publié", Label::Published, Script::DayFirst),
    ("mis en ligne", Label::Published, Script::DayFirst),
    ("paru le", Label::Published, Script::DayFirst),
    ("publicado", Label::Published, Script::DayFirst),
    ("publicada", Label::Published, Script::DayFirst),
    ("fecha de publicación", Label::Published, Script::DayFirst),
    ("publicação", Label::Published, Script::DayFirst),
    ("pubblicato", Label::Published, Script::DayFirst),
    ("pubblicata", Label::Published, Script::DayFirst),
    ("опубликовано", Label::Published, Script::DayFirst),
    ("опубликован", Label::Published, Script::DayFirst),
    ("дата публикации", Label::Published, Script::DayFirst),
    ("размещено", Label::Published, Script::DayFirst),
    ("опубліковано", Label::Published, Script::DayFirst),
    ("опублікован", Label::Published, Script::DayFirst),
    ("дата публікації", Label::Published, Script::DayFirst),
    ("입력", Label::Published, Script::YearFirst),
    ("등록", Label::Published, Script::YearFirst),
    ("작성", Label::Published, Script::YearFirst),
    ("게재", Label::Published, Script::YearFirst),
    ("발행", Label::Published, Script::YearFirst),
    ("송고", Label::Published, Script::YearFirst),
    ("승인", Label::Published, Script::YearFirst),
    ("公開", Label::Published, Script::YearFirst),
    ("掲載", Label::Published, Script::YearFirst),
    ("配信", Label::Published, Script::YearFirst),
    ("投稿", Label::Published, Script::YearFirst),
    ("発行", Label::Published, Script::YearFirst),
    ("发布", Label::Published, Script::YearFirst),
    ("發布", Label::Published, Script::YearFirst),
    ("发表", Label::Published, Script::YearFirst),
    ("發表", Label::Published, Script::YearFirst),
    ("刊登", Label::Published, Script::YearFirst),
    ("updated", Label::Updated, Script::English),
    ("modified", Label::Updated, Script::English),
    ("last update", Label::Updated, Script::English),
    ("edited", Label::Updated, Script::English),
    ("revised", Label::Updated, Script::English),
    ("aktualisiert", Label::Updated, Script::DayFirst),
    ("geändert", Label::Updated, Script::DayFirst),
    ("stand:", Label::Updated, Script::DayFirst),
    ("mis à jour", Label::Updated, Script::DayFirst),
    ("mise à jour", Label::Updated, Script::DayFirst),
    ("màj", Label::Updated, Script::DayFirst),
    ("modifié", Label::Updated, Script::DayFirst),
    ("actualisé", Label::Updated, Script::DayFirst),
    ("actualizado", Label::Updated, Script::DayFirst),
    ("actualizada", Label::Updated, Script::DayFirst),
    ("actualización", Label::Updated, Script::DayFirst),
    ("modificado", Label::Updated, Script::DayFirst),
    ("aggiornato", Label::Updated, Script::DayFirst),
    ("aggiornata", Label::Updated, Script::DayFirst),
    ("aggiornamento", Label::Updated, Script::DayFirst),
    ("modificato", Label::Updated, Script::DayFirst),
    ("atualizado", Label::Updated, Script::DayFirst),
    ("atualizada", Label::Updated, Script::DayFirst),
    ("atualização", Label::Updated, Script::DayFirst),
    ("обновлено", Label::Updated, Script::DayFirst),
    ("обновлён", Label::Updated, Script::DayFirst),
    ("обновлен", Label::Updated, Script::DayFirst),
    ("изменено", Label::Updated, Script::DayFirst),
    ("дата обновления", Label::Updated, Script::DayFirst),
    ("оновлено", Label::Updated, Script::DayFirst),
    ("змінено", Label::Updated, Script::DayFirst),
    ("дата оновлення", Label::Updated, Script::DayFirst),
    ("수정", Label::Updated, Script::YearFirst),
    ("업데이트", Label::Updated, Script::YearFirst),
    ("更新", Label::Updated, Script::YearFirst),
    ("修正", Label::Updated, Script::YearFirst),
    ("修改", Label::Updated, Script::YearFirst),
];

/// How the language of a word writes a numeric date whose year has two digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// English: `06/19/24` and `19/06/24` are both written; no order can be told.
    English,
    /// German, French, Spanish, Italian, Portuguese, Russian, Ukrainian: `19.06.24`.
    DayFirst,
    /// Korean, Japanese, Chinese: `24.06.19`.
    YearFirst,
}

/// Small words of stamp lines that are not a name: prepositions and articles before dates and
/// times, the clock's words, time zones, era and year abbreviations.
const STAMP_FILLERS: &[&str] = &[
    "on", "at", "by", "the", "of", "last", "date", "am", "pm", "a", "m", "p", "hrs", "le", "la",
    "les", "à", "h", "du", "de", "del", "el", "las", "il", "alle", "ore", "em", "às", "as", "do",
    "da", "um", "uhr", "von", "den", "der", "par", "por", "в", "о", "об", "г", "года", "р", "року",
    "від", "kst", "jst", "msk", "gmt", "utc", "est", "edt", "cst", "cdt", "cet", "cest", "bst",
    "pst", "pdt", "mst", "mdt", "et", "pt", "mez", "mesz", "ist", "hkt", "sgt", "мск", "київ",
    "오전", "오후", "기사", "시", "분", "午前", "午後", "上午", "下午", "时", "時", "分",
];

/// Every word `is_stamp_line` removes, lowercase.
pub(crate) static STAMP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set: HashSet<&'static str> = STAMP_FILLERS
        .iter()
        .chain(FULL_WEEKDAYS)
        .chain(SHORT_WEEKDAYS)
        .copied()
        .collect();
    for (label, _, _) in LABELS {
        set.extend(label.split(|c: char| !c.is_alphanumeric()));
    }
    set.remove("");
    set
});

static FULL_WEEKDAY_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FULL_WEEKDAYS.iter().copied().collect());

/// Whether a lowercase word is a full weekday name, or a text holds a CJK weekday.
pub(crate) fn names_weekday(lower_word: &str) -> bool {
    FULL_WEEKDAY_SET.contains(lower_word) || CJK_WEEKDAYS.iter().any(|w| lower_word.contains(w))
}

/// Words of the "today" and weather boxes of mastheads, lowercase.
pub(crate) const TODAY_WORDS: &[&str] = &[
    "today",
    "weather",
    "heute",
    "wetter",
    "aujourd'hui",
    "météo",
    "hoy",
    "oggi",
    "meteo",
    "hoje",
    "сегодня",
    "погода",
    "сьогодні",
    "오늘",
    "날씨",
    "今日",
    "今天",
    "天气",
    "天気",
    "°c",
    "°f",
];
