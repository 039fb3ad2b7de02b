//! The article reader: the clean body with actor mentions marked (click one to filter by it),
//! byline, outlet, date and where each came from, which article it copies or which outlets
//! printed it too, the engine's notes, and on request the lines the cleaning removed. All
//! article text is rendered as text, never as HTML.

use crate::ctx;
use crate::data::Explorer;
use coverage_core::bundle::{ArticleText, MentionRef};
use coverage_core::model::{Block, Origin, RemovedReason};
use leptos::prelude::*;

/// A piece of a paragraph: plain text, or a mention of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Mention { text: String, actor: u32 },
}

/// Cuts a paragraph into text and mentions. Overlapping or out-of-range mentions are skipped.
pub fn pieces(text: &str, mentions: &[MentionRef]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0usize;
    // By (start, end), ties in their order, through the engine's shared sort.
    let mut sorted: Vec<(u64, u32)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| ((u64::from(m.start) << 32) | u64::from(m.end), i as u32))
        .collect();
    coverage_core::index::sort_pairs(&mut sorted);
    for m in sorted.iter().map(|&(_, i)| &mentions[i as usize]) {
        let (s, e) = (m.start as usize, m.end as usize);
        if s < at
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        if s > at {
            out.push(Piece::Text(text[at..s].to_string()));
        }
        out.push(Piece::Mention {
            text: text[s..e].to_string(),
            actor: m.actor,
        });
        at = e;
    }
    if at < text.len() {
        out.push(Piece::Text(text[at..].to_string()));
    }
    out
}

/// An article's headline, or its file name when it has none.
fn title_of(ex: &Explorer, article: u32) -> String {
    let cols = ex.cols();
    let i = article as usize;
    if cols.title[i].is_empty() {
        cols.source[i].clone()
    } else {
        cols.title[i].clone()
    }
}

/// Copies listed by name in the reader; more are counted.
const COPIES_LISTED: usize = 20;

/// For a copy: "A copy of TITLE", a link to the original, with its outlet and date. For an
/// original: the outlets that printed it too, each a link to its copy.
#[component]
fn CopyNote(article: u32) -> impl IntoView {
    let c = ctx();
    let (ex, state) = (c.ex, c.state);
    let link = move |target: u32, label: String| {
        let source = ex.cols().source[target as usize].clone();
        view! {
            <button class="link" data-article=target on:click=move |_| state.update(|s| s.article = Some(source.clone()))>
                {label}
            </button>
        }
    };
    if let Some(original) = ex.original(article) {
        return view! {
            <p class="copy-note">
                "A copy of " {link(original, title_of(ex, original))} {format!(", {}.", ex.printed_as(original))}
            </p>
        }
        .into_any();
    }
    let copies = ex.copies(article);
    if copies.is_empty() {
        return ().into_any();
    }
    let more = copies.len().saturating_sub(COPIES_LISTED);
    view! {
        <p class="copy-note">
            "Also printed by "
            {copies.iter().take(COPIES_LISTED).enumerate().map(|(k, &copy)| view! {
                {(k > 0).then_some(", ")}
                {link(copy, ex.printed_as(copy))}
            }).collect_view()}
            {(more > 0).then(|| format!(" and {more} more"))}
            "."
        </p>
    }
    .into_any()
}

fn origin(o: Origin) -> &'static str {
    match o {
        Origin::Page => "from the page",
        Origin::Sidecar => "from sources.toml",
        Origin::None => "not known",
    }
}

fn reason(r: RemovedReason) -> &'static str {
    match r {
        RemovedReason::Boilerplate => "site furniture",
        RemovedReason::Repeated => "repeated line",
        RemovedReason::Stamp => "date stamp",
        RemovedReason::Byline => "byline",
        RemovedReason::Credit => "credit",
        RemovedReason::Markup => "leaked markup",
        RemovedReason::Headline => "headline",
    }
}

#[component]
pub fn Reader() -> impl IntoView {
    let c = ctx();
    let (ex, state) = (c.ex, c.state);
    let article = Memo::new(move |_| {
        state
            .with(|s| s.article.clone())
            .and_then(|a| ex.article_index(&a))
    });
    let show_removed = RwSignal::new(false);
    let body = move || {
        let i = article.get()?;
        let Some(text): Option<ArticleText> = ex.text(i) else {
            let status = ex
                .text_problem(i)
                .unwrap_or_else(|| "Loading the text…".to_string());
            return Some(view! { <p class="text-status" role="status">{status}</p> }.into_any());
        };
        let cols = ex.cols();
        let title = title_of(ex, i);
        let outlet = ex.outlet_name(i).unwrap_or("not known").to_string();
        let date = cols
            .date_text(i as usize)
            .unwrap_or_else(|| "no date printed".into());
        let paragraphs = text.paragraphs.iter().enumerate().map(|(p, para)| {
            let mentions: Vec<MentionRef> = text.mentions.iter().filter(|m| m.paragraph as usize == p + 1).copied().collect();
            let class = match para.kind {
                Block::Subtitle => "subtitle",
                Block::Body => "body",
                Block::Caption => "caption",
            };
            let content = pieces(&para.text, &mentions).into_iter().map(|piece| match piece {
                Piece::Text(t) => t.into_any(),
                Piece::Mention { text, actor } => {
                    let id = ex.actor(actor).id.clone();
                    let pressed_id = id.clone();
                    view! {
                        <button
                            class=format!("mention {}", ex.actor(actor).kind.as_str())
                            data-actor=id.clone()
                            title=format!("Filter by {}", ex.actor(actor).name)
                            aria-pressed=move || state.with(|s| s.actors.contains(&pressed_id)).to_string()
                            on:click=move |_| state.update(|s| s.toggle_actor(&id))
                        >{text}</button>
                    }.into_any()
                }
            }).collect_view();
            view! { <p class=class>{content}</p> }
        }).collect_view();
        let removed = text.removed.iter().map(|r| view! {
            <li><span class="reason">{reason(r.reason)}</span> <span class="line">{r.text.clone()}</span></li>
        }).collect_view();
        let removed_count = text.removed.len();
        Some(view! {
            <article class="reader-body" lang=text.language.clone()>
                <h2>{title}</h2>
                <dl class="facts">
                    <dt>"Outlet"</dt><dd>{outlet} " " <span class="origin">{format!("({})", origin(text.outlet_origin))}</span></dd>
                    <dt>"Date"</dt><dd>{date} " " <span class="origin">{format!("({})", origin(text.date_origin))}</span></dd>
                    <dt>"Byline"</dt><dd>{text.byline.clone().unwrap_or_else(|| "none printed".into())}</dd>
                    <dt>"File"</dt><dd><code>{cols.source[i as usize].clone()}</code></dd>
                    {text.url.clone().map(|u| view! { <dt>"URL"</dt><dd class="url">{u}</dd> })}
                </dl>
                <CopyNote article=i />
                <ul class="messages" hidden=text.messages.is_empty()>
                    {text.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
                </ul>
                <div class="paragraphs">{paragraphs}</div>
                <button id="show-removed" class="link" aria-expanded=move || show_removed.get().to_string() on:click=move |_| show_removed.update(|v| *v = !*v)>
                    {move || if show_removed.get() { "hide removed lines".to_string() } else { format!("show the {removed_count} lines the cleaning removed") }}
                </button>
                <ul id="removed" class="removed" hidden=move || !show_removed.get()>{removed}</ul>
            </article>
        }
        .into_any())
    };
    view! {
        <section id="reader" class="reader" aria-label="Article reader" hidden=move || article.get().is_none()>
            <div class="panel-head">
                <span class="label">"Reading"</span>
                <button class="link" on:click=move |_| state.update(|s| s.article = None)>"close"</button>
            </div>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: u32, end: u32, actor: u32) -> MentionRef {
        MentionRef {
            paragraph: 1,
            start,
            end,
            actor,
        }
    }

    #[test]
    fn mentions_cut_the_text() {
        let p = pieces("Kim met Putin.", &[m(8, 13, 2), m(0, 3, 1)]);
        assert_eq!(
            p,
            vec![
                Piece::Mention {
                    text: "Kim".into(),
                    actor: 1
                },
                Piece::Text(" met ".into()),
                Piece::Mention {
                    text: "Putin".into(),
                    actor: 2
                },
                Piece::Text(".".into()),
            ]
        );
    }

    #[test]
    fn bad_mentions_are_skipped() {
        assert_eq!(
            pieces("abc", &[m(1, 9, 0), m(2, 1, 0)]),
            vec![Piece::Text("abc".into())]
        );
    }
}
