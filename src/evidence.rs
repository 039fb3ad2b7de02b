//! The evidence panel: every sentence behind a map edge in the matching articles, with its
//! outlet, date, tone, the kind of event and who acts on whom, the deciding cue marked, the
//! other outlets that printed the same story, and how the pair is framed: its articles and their
//! tones per outlet and per year.

use crate::ctx;
use coverage_core::model::{Category, Direction, Tone};
use leptos::prelude::*;

/// Sentences listed before "show more".
const PAGE: usize = 50;

/// One evidence sentence, ready to show.
#[derive(Clone, PartialEq)]
struct Item {
    article: u32,
    date: Option<String>,
    outlet: Option<String>,
    source: String,
    sentence: String,
    tone: Tone,
    cue: Option<(usize, usize)>,
    category: Option<Category>,
    direction: Direction,
    /// "also printed by OUTLET (DATE), …" when copies of the article were left out.
    also: Option<String>,
}

/// Who acts on whom, in words: "Russia → Japan", "Japan → Russia", "Russia ↔ Japan"; none when
/// the sentence does not say.
fn direction_text(direction: Direction, a: &str, b: &str) -> Option<String> {
    match direction {
        Direction::AToB => Some(format!("{a} → {b}")),
        Direction::BToA => Some(format!("{b} → {a}")),
        Direction::Mutual => Some(format!("{a} ↔ {b}")),
        Direction::None => None,
    }
}

/// Splits a sentence around its cue so the cue can be marked.
fn around_cue(sentence: &str, cue: Option<(usize, usize)>) -> (String, Option<String>, String) {
    match cue {
        Some((s, e))
            if s <= e
                && e <= sentence.len()
                && sentence.is_char_boundary(s)
                && sentence.is_char_boundary(e) =>
        {
            (
                sentence[..s].to_string(),
                Some(sentence[s..e].to_string()),
                sentence[e..].to_string(),
            )
        }
        _ => (sentence.to_string(), None, String::new()),
    }
}

/// Outlets listed in the framing table; the rest are summed in one row.
const OUTLET_ROWS: usize = 6;

/// One row of a framing table: articles relating the pair, and the tones of their sentences.
#[derive(Clone, PartialEq, Debug)]
struct Framing {
    label: String,
    articles: u32,
    tone: [u32; 3],
}

impl Framing {
    /// Sums the rows past `keep` into one "n other outlets" row.
    fn fold_tail(rows: &mut Vec<Framing>, keep: usize) {
        if rows.len() <= keep + 1 {
            return;
        }
        let rest: Vec<Framing> = rows.drain(keep..).collect();
        let mut other = Framing {
            label: format!("{} other outlets", rest.len()),
            articles: 0,
            tone: [0; 3],
        };
        for r in rest {
            other.articles += r.articles;
            other.tone.iter_mut().zip(r.tone).for_each(|(t, a)| *t += a);
        }
        rows.push(other);
    }
}

/// A framing table: per row, articles and a bar of the sentences' tones (with the numbers as
/// its label and tooltip).
#[component]
fn FramingTable(
    caption: &'static str,
    what: &'static str,
    #[prop(into)] rows: Signal<Vec<Framing>>,
) -> impl IntoView {
    view! {
        <table class="framing-table">
            <caption>{caption}</caption>
            <thead>
                <tr><th scope="col">{what}</th><th scope="col">"Articles"</th><th scope="col">"Tone of the sentences"</th></tr>
            </thead>
            <tbody>
                {move || rows.get().into_iter().map(|r| {
                    let [co, cf, ne] = r.tone;
                    let total = (co + cf + ne).max(1) as f32;
                    // Through `style:` (the CSS object model): the page's CSP forbids style attributes.
                    let width = |n: u32| format!("{}%", crate::decimal::fixed(100.0 * n as f32 / total, 1));
                    let label = format!("{co} cooperation, {cf} conflict, {ne} neutral");
                    view! {
                        <tr>
                            <th scope="row">{r.label}</th>
                            <td class="n">{r.articles}</td>
                            <td>
                                <span class="tone-bar" role="img" aria-label=label.clone() title=label>
                                    <span class="cooperation" style:width=width(co)></span>
                                    <span class="conflict" style:width=width(cf)></span>
                                    <span class="neutral" style:width=width(ne)></span>
                                </span>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Texts the evidence list could not show yet.
#[derive(Default, Clone, PartialEq)]
struct Missing {
    /// Articles whose chunk file is still on its way.
    waiting: usize,
    /// Why some text cannot come at all.
    problem: Option<String>,
}

#[component]
pub fn EvidencePanel() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let shown = RwSignal::new(PAGE);
    let pair = Memo::new(move |_| {
        state
            .with(|s| s.edge.clone())
            .and_then(|(a, b)| Some((ex.actor_index(&a)?, ex.actor_index(&b)?)))
    });
    // Articles relating the pair, newest first.
    let articles = Memo::new(move |_| {
        let Some((a, b)) = pair.get() else {
            return Vec::new();
        };
        let mut list = result.with(|r| ex.index.pair_articles(ex.cols(), &r.matches, a, b));
        ex.sort_newest_first(&mut list);
        list
    });
    // The sentences of the first articles, and what is still missing: texts on their way, or
    // the reason they cannot come.
    let gathered = Memo::new(move |_| {
        let mut missing = Missing::default();
        let Some((a, b)) = pair.get() else {
            return (Vec::new(), missing);
        };
        let (lo, hi) = (a.min(b), a.max(b));
        let mut out = Vec::new();
        for &i in articles.get().iter() {
            if out.len() >= shown.get() {
                break;
            }
            let Some(text) = ex.text(i) else {
                match ex.text_problem(i) {
                    Some(problem) => missing.problem = Some(problem),
                    None => missing.waiting += 1,
                }
                continue;
            };
            let also = ex.also_printed_by(i);
            for e in text.evidence.into_iter().filter(|e| e.a == lo && e.b == hi) {
                out.push(Item {
                    article: i,
                    date: ex.cols().date_text(i as usize),
                    outlet: ex.outlet_name(i).map(str::to_string),
                    source: ex.cols().source[i as usize].clone(),
                    sentence: e.sentence,
                    tone: e.tone,
                    cue: e.cue.map(|(s, e)| (s as usize, e as usize)),
                    category: e.category,
                    direction: e.direction,
                    also: also.clone(),
                });
            }
        }
        (out, missing)
    });
    let items = move || gathered.with(|g| g.0.clone());
    let missing = move || {
        let m = gathered.with(|g| g.1.clone());
        match (m.problem, m.waiting) {
            (Some(problem), _) => Some(problem),
            (None, 0) => None,
            (None, n) => Some(format!(
                "Loading the sentences of {n} more article{}…",
                if n == 1 { "" } else { "s" }
            )),
        }
    };
    // How the pair is framed: its articles and their sentences' tones, per outlet and per year
    // (from the index; no text needs to be fetched).
    let framing = Memo::new(move |_| {
        let Some((a, b)) = pair.get() else {
            return (Vec::new(), Vec::new());
        };
        let cols = ex.cols();
        let outlets = &ex.bundle.index.outlets;
        // Summed by outlet index (the last slot: no outlet) and by year, then labelled: a pair
        // can have tens of thousands of articles and this runs again on every filter change.
        let mut by_outlet = vec![(0u32, [0u32; 3]); outlets.len() + 1];
        let mut by_year: std::collections::BTreeMap<(bool, i16), (u32, [u32; 3])> =
            std::collections::BTreeMap::new();
        for &i in articles.get().iter() {
            let [co, cf, ne] = cols.pair_tone(i as usize, a, b).unwrap_or_default();
            let tone = [u32::from(co), u32::from(cf), u32::from(ne)];
            let o = (cols.outlet[i as usize] as usize).min(outlets.len());
            // Undated sorts after every year.
            let year = cols.year(i as usize).map_or((true, 0), |y| (false, y));
            for sum in [&mut by_outlet[o], by_year.entry(year).or_default()] {
                sum.0 += 1;
                sum.1.iter_mut().zip(tone).for_each(|(t, x)| *t += x);
            }
        }
        let row = |label: String, (articles, tone): (u32, [u32; 3])| Framing {
            label,
            articles,
            tone,
        };
        let mut outlet_rows: Vec<Framing> = by_outlet
            .into_iter()
            .enumerate()
            .filter(|(_, sum)| sum.0 > 0)
            .map(|(o, sum)| {
                let name = outlets
                    .get(o)
                    .map_or("outlet not known", |x| x.name.as_str());
                row(name.to_string(), sum)
            })
            .collect();
        coverage_core::index::sort_by(&mut outlet_rows, |x, y| {
            y.articles.cmp(&x.articles).then(x.label.cmp(&y.label))
        });
        Framing::fold_tail(&mut outlet_rows, OUTLET_ROWS);
        let year_rows = by_year
            .into_iter()
            .map(|((undated, y), sum)| {
                row(
                    if undated {
                        "no date".to_string()
                    } else {
                        y.to_string()
                    },
                    sum,
                )
            })
            .collect();
        (outlet_rows, year_rows)
    });
    let title = move || {
        pair.get()
            .map(|(a, b)| format!("{} – {}", ex.actor(a).name, ex.actor(b).name))
            .unwrap_or_default()
    };
    view! {
        <section id="evidence" class="evidence" aria-label="Evidence" hidden=move || pair.get().is_none()>
            <div class="panel-head">
                <h2>{title}</h2>
                <button class="link" on:click=move |_| state.update(|s| s.edge = None)>"close"</button>
            </div>
            <p class="pair-summary">
                {move || {
                    let n = articles.get().len();
                    format!("{n} matching article{} relate them.", if n == 1 { "" } else { "s" })
                }}
            </p>
            <div class="framing">
                <FramingTable caption="By outlet" what="Outlet" rows=Signal::derive(move || framing.with(|f| f.0.clone())) />
                <FramingTable caption="By year" what="Year" rows=Signal::derive(move || framing.with(|f| f.1.clone())) />
            </div>
            <p class="text-status" role="status" hidden=move || missing().is_none()>{move || missing().unwrap_or_default()}</p>
            <ol class="evidence-list">
                {move || items().into_iter().map(|item| {
                    let (before, cue, after) = around_cue(&item.sentence, item.cue);
                    let tone = item.tone.as_str();
                    let source = item.source.clone();
                    // Who acts on whom, and the kind of event the cue names.
                    let names = pair.get().map(|(a, b)| (a.min(b), a.max(b))).map(|(lo, hi)| {
                        (ex.actor(lo).name.clone(), ex.actor(hi).name.clone())
                    });
                    let how = names
                        .and_then(|(a, b)| direction_text(item.direction, &a, &b))
                        .into_iter()
                        .chain(item.category.map(|c| c.as_str().to_string()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <li class=format!("evidence-item {tone}")>
                            <p class="sentence">
                                {before}
                                {cue.map(|c| view! { <mark>{c}</mark> })}
                                {after}
                            </p>
                            <p class="meta">
                                <span class=format!("tone {tone}")>{tone}</span>
                                {(!how.is_empty()).then(|| view! { " · " <span class="how">{how}</span> })}
                                " · " {item.outlet.clone().unwrap_or_else(|| "outlet not known".into())}
                                " · " {item.date.clone().unwrap_or_else(|| "no date".into())}
                                " · "
                                <button class="link" data-article=item.article on:click=move |_| state.update(|s| s.article = Some(source.clone()))>
                                    "open article"
                                </button>
                            </p>
                            {item.also.map(|also| view! { <p class="meta copies">{also}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button class="link" hidden=move || articles.get().len() <= shown.get() on:click=move |_| shown.update(|n| *n += PAGE)>
                "show more"
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_folds_the_tail_into_one_row() {
        let row = |label: &str, articles, tone| Framing {
            label: label.to_string(),
            articles,
            tone,
        };
        let mut rows = vec![
            row("A", 2, [1, 0, 3]),
            row("B", 1, [0, 2, 0]),
            row("C", 1, [1, 1, 1]),
        ];
        Framing::fold_tail(&mut rows, 1);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].label, "2 other outlets");
        assert_eq!((rows[1].articles, rows[1].tone), (2, [1, 3, 1]));
        // One row past the limit is shown as itself, not as "1 other outlets".
        let mut two = rows.clone();
        Framing::fold_tail(&mut two, 1);
        assert_eq!(two, rows);
    }

    #[test]
    fn direction_names_who_acts_on_whom() {
        assert_eq!(
            direction_text(Direction::AToB, "Russia", "Japan").as_deref(),
            Some("Russia → Japan")
        );
        assert_eq!(
            direction_text(Direction::BToA, "Russia", "Japan").as_deref(),
            Some("Japan → Russia")
        );
        assert_eq!(
            direction_text(Direction::Mutual, "Russia", "Japan").as_deref(),
            Some("Russia ↔ Japan")
        );
        assert_eq!(direction_text(Direction::None, "Russia", "Japan"), None);
    }

    #[test]
    fn cue_split_respects_bounds() {
        assert_eq!(
            around_cue("Kim met Putin", Some((4, 7))),
            ("Kim ".into(), Some("met".into()), " Putin".into())
        );
        assert_eq!(
            around_cue("Kim", Some((2, 9))),
            ("Kim".into(), None, String::new())
        );
        assert_eq!(
            around_cue("김정은", Some((1, 3))),
            ("김정은".into(), None, String::new())
        );
    }
}
