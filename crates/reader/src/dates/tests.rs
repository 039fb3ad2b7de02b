use super::*;

/// The first date of a line, read as a page that does not tell its order would.
fn day(line: &str) -> Option<String> {
    find_dates(line)
        .first()
        .and_then(|h| h.day(DateOrder::Unknown))
        .map(|d| d.to_string())
}

/// Each stamp's first date and label, against what it should be.
fn check_table(table: &[(&str, Option<&str>, Label)]) {
    let mut wrong = Vec::new();
    for &(line, want, label) in table {
        let hits = find_dates(line);
        let got = hits
            .first()
            .and_then(|h| h.day(DateOrder::Unknown))
            .map(|d| d.to_string());
        let got_label = hits.first().map_or(Label::Unlabeled, |h| h.label);
        if got.as_deref() != want || want.is_some() && got_label != label {
            wrong.push(format!(
                "{line:?}: read {got:?} {got_label:?}, want {want:?} {label:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

use Label::{Published as P, Unlabeled as N, Updated as U};

#[test]
fn english_stamps() {
    check_table(&[
        ("Posted April. 20, 2019 07:39,", Some("2019-04-20"), P),
        ("Posted on : 2023-09-08 16:53 KST", Some("2023-09-08"), P),
        ("Published: 2017/9/10 22:08:39", Some("2017-09-10"), P),
        ("8:29 a.m. ET, April 25, 2019", Some("2019-04-25"), N),
        ("Updated 12:27, 11-Sep-2016", Some("2016-09-11"), U),
        ("20 April 2019", Some("2019-04-20"), N),
        ("Sept. 10, 2017", Some("2017-09-10"), N),
        ("Thursday 25th of April, 2019", Some("2019-04-25"), N),
        ("June 19th, 2024 | By Jane Roe", Some("2024-06-19"), N),
        ("Jun 19 2024", Some("2024-06-19"), N),
        (
            "Last updated: Wed 19 Jun 2024 09.30 BST",
            Some("2024-06-19"),
            U,
        ),
        ("First published on Wed 19 Jun 2024", Some("2024-06-19"), P),
        ("(AP June 19, 2024)", Some("2024-06-19"), N),
        ("JUNE 19, 2024", Some("2024-06-19"), N),
    ]);
}

#[test]
fn german_stamps() {
    check_table(&[
        (
            "Veröffentlicht am 19. Juni 2024, 15:30 Uhr",
            Some("2024-06-19"),
            P,
        ),
        ("Mittwoch, 19. Juni 2024", Some("2024-06-19"), N),
        ("Aktualisiert am 20.06.2024 um 08:15", Some("2024-06-20"), U),
        ("Stand: 19.06.2024 15:30 Uhr", Some("2024-06-19"), U),
        ("19. Jan. 2024", Some("2024-01-19"), N),
        ("3. März 2024", Some("2024-03-03"), N),
        ("Erschienen: 1. Dezember 2023", Some("2023-12-01"), P),
        ("Jänner 5, 2024", Some("2024-01-05"), N),
    ]);
}

#[test]
fn french_stamps() {
    check_table(&[
        ("Publié le 19 juin 2024 à 15h30", Some("2024-06-19"), P),
        ("Mis à jour le 20 juin 2024 à 08h02", Some("2024-06-20"), U),
        ("mercredi 19 juin 2024", Some("2024-06-19"), N),
        ("Publié le 1er juin 2024", Some("2024-06-01"), P),
        ("Le 3 févr. 2024", Some("2024-02-03"), N),
        ("19 août 2024", Some("2024-08-19"), N),
        ("Publié le 19/06/2024 à 15:30", Some("2024-06-19"), P),
    ]);
}

#[test]
fn spanish_stamps() {
    check_table(&[
        ("Publicado el 19 de junio de 2024", Some("2024-06-19"), P),
        (
            "Actualizado: 20 de junio del 2024, 10:12",
            Some("2024-06-20"),
            U,
        ),
        ("miércoles, 19 de junio de 2024", Some("2024-06-19"), N),
        ("1º de septiembre de 2023", Some("2023-09-01"), N),
        ("19 jun. 2024", Some("2024-06-19"), N),
    ]);
}

#[test]
fn italian_stamps() {
    check_table(&[
        (
            "Pubblicato il 19 giugno 2024 alle 15:30",
            Some("2024-06-19"),
            P,
        ),
        ("Aggiornato il 20 giugno 2024", Some("2024-06-20"), U),
        ("mercoledì 19 giugno 2024", Some("2024-06-19"), N),
        ("19 Giugno 2024", Some("2024-06-19"), N),
        ("5 ott 2023", Some("2023-10-05"), N),
    ]);
}

#[test]
fn portuguese_stamps() {
    check_table(&[
        (
            "Publicado em 19 de junho de 2024 às 15h30",
            Some("2024-06-19"),
            P,
        ),
        ("Atualizado em 20 de Junho de 2024", Some("2024-06-20"), U),
        ("quarta-feira, 19 de junho de 2024", Some("2024-06-19"), N),
        ("3 de março de 2024", Some("2024-03-03"), N),
        ("19/06/2024 15h30", Some("2024-06-19"), N),
    ]);
}

#[test]
fn russian_stamps() {
    check_table(&[
        (
            "Опубликовано: 19 июня 2024 г., 15:30",
            Some("2024-06-19"),
            P,
        ),
        ("Обновлено 20 июня 2024 года", Some("2024-06-20"), U),
        ("19.06.2024 15:30", Some("2024-06-19"), N),
        ("среда, 3 марта 2021", Some("2021-03-03"), N),
        ("1 сент. 2023", Some("2023-09-01"), N),
        ("19 ИЮНЯ 2024", Some("2024-06-19"), N),
    ]);
}

#[test]
fn ukrainian_stamps() {
    check_table(&[
        (
            "Опубліковано 19 червня 2024 р., 15:30",
            Some("2024-06-19"),
            P,
        ),
        ("Оновлено: 20 червня 2024", Some("2024-06-20"), U),
        ("19 листопада 2023", Some("2023-11-19"), N),
        ("середа, 1 травня 2024", Some("2024-05-01"), N),
    ]);
}

#[test]
fn korean_stamps() {
    check_table(&[
        (
            "입력 2024.06.19 15:30 수정 2024.06.20 10:00",
            Some("2024-06-19"),
            P,
        ),
        ("기사입력 2024-06-19 15:30", Some("2024-06-19"), P),
        ("최종수정 2024. 6. 20. 오전 9:12", Some("2024-06-20"), U),
        ("2024년 6월 19일 오후 3:00", Some("2024-06-19"), N),
        ("튼씩이 2019. 4. 28. 13:52", Some("2019-04-28"), N),
        ("등록 2024.06.19(수) 15:30", Some("2024-06-19"), P),
        ("승인 2024.06.19 15:30", Some("2024-06-19"), P),
        ("입력 24.06.19 15:30", Some("2024-06-19"), P),
        ("입력2024.06.19. 오후 3:02", Some("2024-06-19"), P),
    ]);
}

#[test]
fn japanese_stamps() {
    check_table(&[
        ("2024年6月19日 15時30分 公開", Some("2024-06-19"), N),
        ("公開日：2024年06月19日 15:30", Some("2024-06-19"), P),
        ("更新：2024/06/20 08:00", Some("2024-06-20"), U),
        ("令和6年6月19日", Some("2024-06-19"), N),
        ("２０２４年６月１９日（水）", Some("2024-06-19"), N),
        ("配信 2024.6.19", Some("2024-06-19"), P),
    ]);
}

#[test]
fn chinese_stamps() {
    check_table(&[
        (
            "发布时间：2024-06-19 15:30:00 来源：新华社",
            Some("2024-06-19"),
            P,
        ),
        ("更新时间：2024年06月20日 08:00", Some("2024-06-20"), U),
        ("2024年6月19日 星期三", Some("2024-06-19"), N),
        ("發布於 2024/06/19", Some("2024-06-19"), P),
    ]);
}

#[test]
fn reiwa_year_is_converted() {
    assert_eq!(day("令和6年6月19日").as_deref(), Some("2024-06-19"));
    assert_eq!(day("令和元年5月1日").as_deref(), Some("2019-05-01"));
    assert_eq!(day("平成31年4月30日").as_deref(), Some("2019-04-30"));
    assert_eq!(day("平成30年 12月 1日").as_deref(), Some("2018-12-01"));
    assert_eq!(day("民國113年6月19日").as_deref(), Some("2024-06-19"));
    // Outside their eras: Heisei ended on 30 April 2019, Reiwa began the day after.
    assert_eq!(day("平成31年5月1日"), None);
    assert_eq!(day("令和元年4月30日"), None);
    // An era year without month and day is no date.
    assert_eq!(day("令和6年"), None);
}

#[test]
fn date_without_year_is_not_completed() {
    for line in [
        "SEOUL, April 20 (Yonhap) --",
        "reported on Sept. 6 that",
        "Mittwoch, 19. Juni",
        "le 19 juin à 15h30",
        "19 июня",
        "6月19日",
        "6월 19일",
        "19/06",
        "06.19",
        "June 2024",
    ] {
        assert_eq!(day(line), None, "{line}");
    }
}

#[test]
fn ambiguous_numeric_date_alone_gives_no_date() {
    let hits = find_dates("Posted 03/04/2024 10:00");
    assert_eq!(hits.len(), 1, "the line is still a stamp");
    assert_eq!(
        hits[0].reading,
        Reading::Either {
            day_first: Day::new(2024, 4, 3).unwrap(),
            month_first: Day::new(2024, 3, 4).unwrap(),
            dotted: false,
        }
    );
    let order = DateOrder::of_page(&hits, None);
    assert_eq!(order, DateOrder::Unknown);
    assert_eq!(hits[0].day(order), None);
    // English is not evidence, whatever its region says about the US.
    assert_eq!(DateOrder::of_page(&hits, Some("en-US")), DateOrder::Unknown);
    assert_eq!(DateOrder::of_page(&hits, Some("en")), DateOrder::Unknown);
}

#[test]
fn day_first_page_reads_ambiguous_dates_day_first() {
    let page = [
        "Posted 03/04/2024 10:00",
        "The ceasefire of 21/03/2024 did not hold.",
    ];
    let hits: Vec<DateHit> = page.iter().flat_map(|l| find_dates(l)).collect();
    let order = DateOrder::of_page(&hits, None);
    assert_eq!(order, DateOrder::DayFirst);
    assert_eq!(hits[0].day(order).unwrap().to_string(), "2024-04-03");
    // The language of the page tells as much.
    let alone = find_dates(page[0]);
    for lang in ["de", "fr-FR", "pt_BR", "ru", "uk", "en-GB"] {
        assert_eq!(
            DateOrder::of_page(&alone, Some(lang)),
            DateOrder::DayFirst,
            "{lang}"
        );
    }
    // So do dates written in words as only day-first writers write them.
    let words = find_dates("Veröffentlicht am 19. Juni 2024");
    let with_words: Vec<DateHit> = alone.iter().chain(&words).copied().collect();
    assert_eq!(DateOrder::of_page(&with_words, None), DateOrder::DayFirst);
}

#[test]
fn month_first_page_reads_ambiguous_dates_month_first() {
    let page = ["Posted 03/04/2024 10:00", "Filed 06/19/2024"];
    let hits: Vec<DateHit> = page.iter().flat_map(|l| find_dates(l)).collect();
    let order = DateOrder::of_page(&hits, None);
    assert_eq!(order, DateOrder::MonthFirst);
    assert_eq!(hits[0].day(order).unwrap().to_string(), "2024-03-04");
    // The page's own dates outrank its declared language.
    assert_eq!(DateOrder::of_page(&hits, Some("fr")), DateOrder::MonthFirst);
}

#[test]
fn english_month_first_words_are_not_evidence() {
    let hits: Vec<DateHit> = ["Posted 03/04/2024", "June 19, 2024"]
        .iter()
        .flat_map(|l| find_dates(l))
        .collect();
    assert_eq!(DateOrder::of_page(&hits, None), DateOrder::Unknown);
}

#[test]
fn unambiguous_numeric_dates_read_alone() {
    assert_eq!(day("19/06/2024").as_deref(), Some("2024-06-19"));
    assert_eq!(day("06/19/2024").as_deref(), Some("2024-06-19"));
    assert_eq!(day("05/05/2024").as_deref(), Some("2024-05-05"));
    assert_eq!(day("19-06-2024").as_deref(), Some("2024-06-19"));
    assert_eq!(day("19. 6. 2024").as_deref(), Some("2024-06-19"));
}

#[test]
fn dotted_ambiguous_date_is_read_day_first() {
    assert_eq!(day("03.04.2024").as_deref(), Some("2024-04-03"));
    let hits = find_dates("03.04.2024");
    assert_eq!(
        hits[0].day(DateOrder::MonthFirst).unwrap().to_string(),
        "2024-03-04"
    );
}

#[test]
fn two_digit_years_need_a_label_that_tells_the_order() {
    assert_eq!(day("입력 24.06.19 15:30").as_deref(), Some("2024-06-19"));
    assert_eq!(day("수정 : 24.06.20").as_deref(), Some("2024-06-20"));
    assert_eq!(day("更新 24/06/20").as_deref(), Some("2024-06-20"));
    assert_eq!(
        day("Aktualisiert am 19.06.24").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(day("Опубликовано 19.06.24").as_deref(), Some("2024-06-19"));
    // English writes both orders; a bare one may be anything.
    assert_eq!(day("Posted 06/19/24"), None);
    assert_eq!(day("24.06.19"), None);
    assert_eq!(day("Call 24-06-19 for tickets"), None);
}

#[test]
fn times_and_zones_keep_the_printed_day() {
    assert_eq!(
        day("2024-06-19T23:30:00-04:00").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(
        day("2024-06-19T00:30:00+09:00").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(
        day("June 19, 2024 11:59 p.m. EDT").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(day("2024.06.19.15:30").as_deref(), Some("2024-06-19"));
}

#[test]
fn ranges_are_not_dates() {
    for line in [
        "June 19–20, 2024",
        "June 19-20, 2024",
        "19–20 June 2024",
        "19-20 juin 2024",
        "18–19.06.2024",
    ] {
        assert_eq!(day(line), None, "{line}");
    }
}

#[test]
fn numbers_that_are_not_dates() {
    for line in [
        "the 2024-25 season",
        "in 2024",
        "call 010-2024-0619 now",
        "version 2024.06.19.3 is out",
        "v2024.06.19",
        "see /2024061912345 for the story",
        "https://news.example/2024/06/19/summit/",
        "It cost $2,024.06 in all.",
        "Mayor 20, 2019",
        "1.19.06.2024",
    ] {
        assert_eq!(day(line), None, "{line}");
    }
}

#[test]
fn implausible_dates_are_not_dates() {
    for line in [
        "2019-02-30",
        "2019-13-01",
        "2024-06-32",
        "June 32, 2024",
        "13/13/2024",
        "1989-06-04",
        "June 19, 2101",
        "4 June 1989",
    ] {
        assert_eq!(day(line), None, "{line}");
    }
}

#[test]
fn every_date_of_a_line_is_found_in_order() {
    let hits = find_dates("Publié le 19 juin 2024 à 15h30, mis à jour le 20/06/2024 à 08h02");
    let days: Vec<_> = hits
        .iter()
        .map(|h| (h.day(DateOrder::Unknown).unwrap().to_string(), h.label))
        .collect();
    assert_eq!(
        days,
        [
            ("2024-06-19".to_string(), Label::Published),
            ("2024-06-20".to_string(), Label::Updated)
        ]
    );
}

#[test]
fn agency_name_beside_a_date_is_still_a_stamp() {
    let line = "KYODO NEWS - Aug 1, 2017 - 09:17";
    assert!(is_stamp_line(line, &find_dates(line)));
}

#[test]
fn stamp_lines_versus_sentences() {
    for line in [
        "Posted April. 20, 2019 07:39,",
        "튼씩이 2019. 4. 28. 13:52",
        "8:29 a.m. ET, April 25, 2019",
        "2019-04-20",
        "Veröffentlicht am Mittwoch, 19. Juni 2024, 15:30 Uhr",
        "Publié le mercredi 19 juin 2024 à 15h30, mis à jour le 20 juin 2024 à 08h02",
        "Publicado el miércoles, 19 de junio de 2024 a las 15:30",
        "Опубликовано: среда, 19 июня 2024 г. в 15:30 МСК",
        "公開日：2024年6月19日（水）15時30分",
        "发布时间：2024-06-19 15:30",
        "기사입력 2024.06.19 오후 3:02 최종수정 2024.06.20 오전 9:12",
    ] {
        assert!(is_stamp_line(line, &find_dates(line)), "{line}");
    }
    for sentence in [
        "Kim met Putin in Vladivostok on April 25, 2019, for talks.",
        "Le sommet s'est tenu à Vladivostok le 25 avril 2019, selon le Kremlin.",
        "Саммит прошёл во Владивостоке 25 апреля 2019 года, сообщил Кремль.",
    ] {
        assert!(
            !is_stamp_line(sentence, &find_dates(sentence)),
            "{sentence}"
        );
    }
}

#[test]
fn updated_label_is_told_apart() {
    let hits = find_dates("Updated April. 20, 2019 07:39");
    assert_eq!(hits[0].label, Label::Updated);
    let hits = find_dates("입력 2024.06.19 09:00 수정 2024.06.20 10:00");
    assert_eq!(
        (hits[0].label, hits[1].label),
        (Label::Published, Label::Updated)
    );
    let hits = find_dates("Veröffentlicht am 19.06.2024, aktualisiert am 20.06.2024");
    assert_eq!(
        (hits[0].label, hits[1].label),
        (Label::Published, Label::Updated)
    );
}

#[test]
fn cjk_label_word_inside_a_word_is_no_label() {
    for line in [
        "국회는 수정안을 2024년 6월 19일 통과시켰다",
        "정부는 승인했던 2024년 6월 19일 계획을",
        "記録を更新した2024年6月19日の大会",
        "新闻发布会于2024年6月19日举行",
    ] {
        let hits = find_dates(line);
        assert_eq!(hits[0].label, Label::Unlabeled, "{line}");
    }
    let hits = find_dates("등록일 2024.06.19 수정일시 2024.06.20 10:00");
    assert_eq!(
        (hits[0].label, hits[1].label),
        (Label::Published, Label::Updated)
    );
}

#[test]
fn updated_counts_only_without_published() {
    let stamps = [
        Stamp {
            day: Day::new(2019, 4, 21).unwrap(),
            label: Label::Updated,
            line: 1,
        },
        Stamp {
            day: Day::new(2019, 4, 20).unwrap(),
            label: Label::Published,
            line: 2,
        },
    ];
    assert_eq!(
        pick_publication(&stamps).unwrap().day.to_string(),
        "2019-04-20"
    );
    assert_eq!(
        pick_publication(&stamps[..1]).unwrap().day.to_string(),
        "2019-04-21"
    );
    assert_eq!(pick_publication(&[]), None);
}

#[test]
fn masthead_strip_shows_today() {
    assert!(is_masthead_strip("Thursday, April 25, 2019"));
    assert!(is_masthead_strip("Today 2019-04-25 Seoul 18°C"));
    assert!(is_masthead_strip("Mittwoch, 19. Juni 2024"));
    assert!(is_masthead_strip("2024년 6월 19일 수요일"));
    assert!(is_masthead_strip("Сегодня 19.06.2024"));
    assert!(!is_masthead_strip("Posted April. 20, 2019 07:39"));
    // A stamp that says what it is, weekday or not, is no masthead.
    assert!(!is_masthead_strip("Publié le mercredi 19 juin 2024"));
    assert!(!is_masthead_strip("Published Wednesday, June 19, 2024"));
}

#[test]
fn meta_dates_in_every_cms_form() {
    let meta = |v: &str| parse_meta_date(v).map(|d| d.to_string());
    for (value, want) in [
        ("2024-06-19T09:00:00+09:00", Some("2024-06-19")),
        ("2024-06-19T23:30:00-04:00", Some("2024-06-19")),
        ("2024-06-19T09:00:00.000Z", Some("2024-06-19")),
        ("2024-06-19", Some("2024-06-19")),
        ("2024-06-19 09:00:00", Some("2024-06-19")),
        ("20240619", Some("2024-06-19")),
        ("20240619T090000Z", Some("2024-06-19")),
        ("202406190900", Some("2024-06-19")),
        ("20240619090000", Some("2024-06-19")),
        ("Wed, 19 Jun 2024 09:00:00 +0900", Some("2024-06-19")),
        ("Wed Jun 19 2024 09:00:00 GMT+0900", Some("2024-06-19")),
        ("Fri Apr 28 19:20:36 CEST 2023", Some("2023-04-28")),
        ("Fri Apr 28 19:20:36 2023", Some("2023-04-28")),
        ("June 19, 2024", Some("2024-06-19")),
        ("19.06.2024", Some("2024-06-19")),
        ("2024/06/19 09:00", Some("2024-06-19")),
        ("1718787600", Some("2024-06-19")),
        ("1718787600000", Some("2024-06-19")),
        // 2024-06-19 23:59:59 UTC and the second after.
        ("1718841599", Some("2024-06-19")),
        ("1718841600", Some("2024-06-20")),
        ("  2024-06-19  ", Some("2024-06-19")),
        ("03/04/2024", None),
        ("2024-06", None),
        ("2024", None),
        ("", None),
        ("0", None),
        ("999999999", None),
        // A day and an hour, or a serial, or a Unix time: any could be meant.
        ("2024061912", None),
        ("2024061912345", None),
        ("20241332", None),
        ("202406192500", None),
        ("19890604", None),
    ] {
        assert_eq!(meta(value).as_deref(), want, "{value:?}");
    }
}

#[test]
fn url_date_needs_year_month_day() {
    let url = |u: &str| date_from_url(u).map(|d| d.to_string());
    for (u, want) in [
        (
            "https://news.example/2024/06/19/summit-talks/",
            Some("2024-06-19"),
        ),
        (
            "https://news.example/world/2024/6/9/summit",
            Some("2024-06-09"),
        ),
        (
            "https://news.example/news/20240619/summit.html",
            Some("2024-06-19"),
        ),
        ("https://news.example/2024-06-19/summit", Some("2024-06-19")),
        ("//news.example/2024/06/19/x", Some("2024-06-19")),
        ("/2024/06/19/x", Some("2024-06-19")),
        ("https://news.example/2024/06/summit", None),
        ("https://news.example/2024/summit", None),
        ("https://news.example/article/2024061912345", None),
        ("https://news.example/view/20240619500123", None),
        ("https://news.example/2024/13/19/x", None),
        ("https://news.example/1989/06/04/x", None),
        ("https://20240619.example/story", None),
        ("https://news.example/story?date=20240619", None),
        ("https://news.example/story#2024/06/19", None),
        ("https://news.example/2024-25-season/", None),
    ] {
        assert_eq!(url(u).as_deref(), want, "{u}");
    }
}

#[test]
fn north_american_time_zone_reads_a_stamp_month_first() {
    let hits = find_dates("10/11/2022 08:00 AM EDT");
    let order = DateOrder::of_page(&hits, None);
    assert_eq!(order, DateOrder::MonthFirst);
    assert_eq!(hits[0].day(order).unwrap().to_string(), "2022-10-11");
}

#[test]
fn european_time_zone_reads_a_stamp_day_first() {
    for line in [
        "Published on 06/01/2026 - 13:55 GMT+1",
        "06/01/2026 13:55 CET",
    ] {
        let hits = find_dates(line);
        let order = DateOrder::of_page(&hits, None);
        assert_eq!(order, DateOrder::DayFirst, "{line}");
        assert_eq!(hits[0].day(order).unwrap().to_string(), "2026-01-06");
    }
}

#[test]
fn english_of_a_european_country_writes_day_first() {
    let hits = find_dates("Posted 03/04/2024 10:00");
    assert_eq!(
        DateOrder::of_page(&hits, Some("en-FR")),
        DateOrder::DayFirst
    );
    assert_eq!(DateOrder::of_page(&hits, Some("en-KR")), DateOrder::Unknown);
}

#[test]
fn a_year_run_into_the_hour_is_read_as_the_year() {
    assert_eq!(
        day("March 3, 20199:41 AM ET").as_deref(),
        Some("2019-03-03")
    );
    assert_eq!(
        day("Published 4 May 202111:05").as_deref(),
        Some("2021-05-04")
    );
    // Five digits that are not a year and an hour stay a number.
    assert_eq!(day("Order 20199:75 on March 3"), None);
    assert_eq!(
        day("Item 99999:10, March 3, 2019").as_deref(),
        Some("2019-03-03")
    );
}

#[test]
fn an_editors_credit_may_share_the_stamps_line() {
    let line =
        "Edited by Jane Doe (with inputs from Agencies) | Updated: April 07, 2020 03:49 pm IST";
    assert!(is_stamp_line(line, &find_dates(line)));
    // Glued by a copy that lost the line breaks.
    let glued = "All IndiaEdited by Jane Doe (with inputs from Agencies)Updated: April 07, 2020 03:49 pm IST";
    assert!(is_stamp_line(glued, &find_dates(glued)));
    // A sentence of prose that holds a date is not a stamp.
    let prose =
        "The ministry said the shipment was approved by the cabinet on April 07, 2020 after talks";
    assert!(!is_stamp_line(prose, &find_dates(prose)));
}

#[test]
fn a_year_run_into_the_next_capitalised_word_is_read() {
    let line = "Published February 24, 2020Last updated July 21, 2022This article is old.";
    let days: Vec<String> = find_dates(line)
        .iter()
        .filter_map(|h| h.day(DateOrder::Unknown))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(days, ["2020-02-24", "2022-07-21"]);
    // A year that is part of a word stays no date.
    assert_eq!(day("In the March 3, 2020s market"), None);
}
