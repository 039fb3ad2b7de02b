//! The evidence panel: every sentence behind a map edge in the matching articles, with its
//! outlet, date and tone and the deciding cue marked, plus the pair's articles per year.

use crate::ctx;
use engine::model::Tone;
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
        list.sort_by_key(|&i| (std::cmp::Reverse(ex.cols().date[i as usize]), i));
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
            for e in text.evidence.into_iter().filter(|e| e.a == lo && e.b == hi) {
                out.push(Item {
                    article: i,
                    date: ex.cols().date_text(i as usize),
                    outlet: ex.outlet_name(i).map(str::to_string),
                    source: ex.cols().source[i as usize].clone(),
                    sentence: e.sentence,
                    tone: e.tone,
                    cue: e.cue.map(|(s, e)| (s as usize, e as usize)),
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
    let per_year = move || {
        let mut years: Vec<(String, u32)> = Vec::new();
        for &i in articles.get().iter() {
            let label = ex
                .cols()
                .year(i as usize)
                .map_or_else(|| "no date".to_string(), |y| y.to_string());
            match years.iter_mut().find(|(y, _)| *y == label) {
                Some(entry) => entry.1 += 1,
                None => years.push((label, 1)),
            }
        }
        years.sort();
        years
    };
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
            <ul class="per-year" aria-label="Articles per year for this pair">
                {move || per_year().into_iter().map(|(y, n)| view! { <li><span class="y">{y}</span> ": " <span class="n">{n}</span></li> }).collect_view()}
            </ul>
            <p class="text-status" role="status" hidden=move || missing().is_none()>{move || missing().unwrap_or_default()}</p>
            <ol class="evidence-list">
                {move || items().into_iter().map(|item| {
                    let (before, cue, after) = around_cue(&item.sentence, item.cue);
                    let tone = item.tone.as_str();
                    let source = item.source.clone();
                    view! {
                        <li class=format!("evidence-item {tone}")>
                            <p class="sentence">
                                {before}
                                {cue.map(|c| view! { <mark>{c}</mark> })}
                                {after}
                            </p>
                            <p class="meta">
                                <span class=format!("tone {tone}")>{tone}</span>
                                " · " {item.outlet.clone().unwrap_or_else(|| "outlet not known".into())}
                                " · " {item.date.clone().unwrap_or_else(|| "no date".into())}
                                " · "
                                <button class="link" data-article=item.article on:click=move |_| state.update(|s| s.article = Some(source.clone()))>
                                    "open article"
                                </button>
                            </p>
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
