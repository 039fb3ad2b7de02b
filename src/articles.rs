//! The list of matching articles, newest first (undated last). Virtualised: only the rows in
//! view (and a few around them) are in the DOM, so 100,000 matches scroll as lightly as five.

use crate::ctx;
use crate::decimal::short;
use leptos::prelude::*;

/// Height of one row in pixels (kept in step with `.article-row` in the style sheet).
pub const ROW_HEIGHT: f64 = 78.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 6;
/// Visible height assumed before the first scroll event.
const VIEW_HEIGHT: f64 = 640.0;

/// The rows to render for a scroll position: `[first, last)`.
pub fn visible_rows(scroll_top: f64, view_height: f64, total: usize) -> (usize, usize) {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT) as usize;
    let count = (view_height / ROW_HEIGHT).ceil() as usize;
    (
        first.saturating_sub(OVERSCAN).min(total),
        (first + count + OVERSCAN).min(total),
    )
}

#[component]
pub fn ArticleList() -> impl IntoView {
    let c = ctx();
    let (ex, result) = (c.ex, c.result);
    let sorted = Memo::new(move |_| result.with(|r| ex.newest_first(&r.matches)));
    let scroll = RwSignal::new(0.0f64);
    let height = RwSignal::new(VIEW_HEIGHT);
    let rows = move || {
        let (top, view) = (scroll.get(), height.get());
        sorted.with(|list| {
            let (first, last) = visible_rows(top, view, list.len());
            list[first..last]
                .iter()
                .enumerate()
                .map(|(k, &i)| (first + k, i))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="articles" aria-label="Matching articles">
            <div class="panel-head">
                <h2>"Articles"</h2>
                <span class="sub">"newest first · click one to read it"</span>
            </div>
            <div
                class="article-scroll"
                on:scroll=move |ev| {
                    let el = event_target::<web_sys::HtmlElement>(&ev);
                    scroll.set(el.scroll_top() as f64);
                    height.set(el.client_height() as f64);
                }
            >
                <ul id="articles" style:height=move || format!("{}px", short(sorted.with(Vec::len) as f64 * ROW_HEIGHT))>
                    {move || rows().into_iter().map(|(pos, i)| view! { <Row pos=pos article=i /> }).collect_view()}
                </ul>
                <p class="empty" hidden=move || sorted.with(|l| !l.is_empty())>"No article matches these filters."</p>
            </div>
        </section>
    }
}

#[component]
fn Row(pos: usize, article: u32) -> impl IntoView {
    let c = ctx();
    let (ex, state) = (c.ex, c.state);
    let cols = ex.cols();
    let i = article as usize;
    let source = cols.source[i].clone();
    let open = source.clone();
    let selected_source = source.clone();
    let title = if cols.title[i].is_empty() {
        source.clone()
    } else {
        cols.title[i].clone()
    };
    let meta = format!(
        "{} · {}",
        ex.outlet_name(article).unwrap_or("outlet not known"),
        cols.date_text(i).unwrap_or_else(|| "no date".into())
    );
    let actors = ex.actors_by_prominence(article);
    let chips: Vec<String> = actors
        .iter()
        .take(6)
        .map(|&a| ex.actor(a).name.clone())
        .collect();
    let more = actors.len().saturating_sub(6);
    let copy_of = (cols.duplicate_of[i] != coverage_core::bundle::NONE)
        .then(|| cols.source[cols.duplicate_of[i] as usize].clone());
    view! {
        <li
            class="article-row"
            class:selected=move || state.with(|s| s.article.as_deref() == Some(selected_source.as_str()))
            style:top=format!("{}px", short(pos as f64 * ROW_HEIGHT))
            data-source=source
        >
            <button class="row-open" on:click=move |_| state.update(|s| s.article = Some(open.clone()))>
                <span class="row-title">{title}</span>
                <span class="row-meta">
                    {meta}
                    {copy_of.map(|c| view! { <span class="copy" title=format!("repeats {c}")>" · copy"</span> })}
                </span>
                <span class="chips">
                    {chips.into_iter().map(|n| view! { <span class="chip">{n}</span> }).collect_view()}
                    {(more > 0).then(|| view! { <span class="chip more">{format!("+{more}")}</span> })}
                </span>
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_clamped_to_the_list() {
        assert_eq!(visible_rows(0.0, 640.0, 5), (0, 5));
        let (first, last) = visible_rows(78_000.0, 640.0, 100_000);
        assert_eq!((first, last), (994, 1015));
        assert_eq!(visible_rows(1e9, 640.0, 10), (10, 10));
    }
}
