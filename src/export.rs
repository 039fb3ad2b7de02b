//! Exporting the current view as files: the matching articles (CSV, what the bundle's index
//! holds), the map's graph (edges as CSV, GEXF, the latter with who acts on whom when the texts
//! are in the page) through the engine's writers, and the map as a standalone SVG or PNG. Owns the export buttons and the downloads; draws no map of its own:
//! the picture is the map the page shows, copied with its computed colours.

use crate::ctx;
use crate::data::Explorer;
use crate::decimal::short;
use crate::state::ViewState;
use coverage_core::bundle::{CHUNK_ARTICLES, NONE};
use coverage_core::export::{Acts, GRAPH_DESCRIPTION, Graph, GraphEdge, GraphNode};
use coverage_core::index::{ActorMode, QueryResult, Selection};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// The longest filter part of a file name, in characters.
const NAME_PART_MAX: usize = 80;

/// What a view's files are called after: `vladimir-putin_2019_yonhap`, `any-a+b`, or `all`.
pub fn name_part(ex: &Explorer, sel: &Selection) -> String {
    let mut parts = Vec::new();
    if !sel.actors.is_empty() {
        let ids: Vec<&str> = sel
            .actors
            .iter()
            .map(|&a| ex.actor(a).id.as_str())
            .collect();
        let any = sel.mode == ActorMode::Any && ids.len() > 1;
        parts.push(format!(
            "{}{}",
            if any { "any-" } else { "" },
            ids.join("+")
        ));
    }
    if !sel.years.is_empty() {
        let years: Vec<String> = sel
            .years
            .iter()
            .map(|y| y.map_or_else(|| "undated".to_string(), |y| y.to_string()))
            .collect();
        parts.push(years.join("+"));
    }
    if !sel.outlets.is_empty() {
        let outlets: Vec<&str> = sel
            .outlets
            .iter()
            .map(|o| {
                o.and_then(|o| ex.bundle.index.outlets.get(o as usize))
                    .map_or("outlet-unknown", |o| o.id.as_str())
            })
            .collect();
        parts.push(outlets.join("+"));
    }
    if parts.is_empty() {
        return "all".into();
    }
    let mut name: String = parts
        .join("_")
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '+' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    if name.len() > NAME_PART_MAX {
        name.truncate(NAME_PART_MAX);
        name.push_str("-etc");
    }
    name
}

/// `coverage-<what>-<filters>.<ext>`.
pub fn file_name(what: &str, part: &str, ext: &str) -> String {
    format!("coverage-{what}-{part}.{ext}")
}

/// "A and B", "A or B", "A, B and C".
fn listed(items: &[String], joiner: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} {joiner} {last}", head.join(", ")),
    }
}

/// The view in words, for the files that leave the page: how many articles match and why.
pub fn describe(ex: &Explorer, sel: &Selection, matches: u64) -> String {
    let total = ex.cols().len();
    let mut parts = vec![
        if sel.actors.is_empty() && sel.years.is_empty() && sel.outlets.is_empty() {
            format!("all {total} articles (no filters)")
        } else {
            format!("{matches} of {total} articles")
        },
    ];
    if !sel.actors.is_empty() {
        let names: Vec<String> = sel
            .actors
            .iter()
            .map(|&a| ex.actor(a).name.clone())
            .collect();
        let joiner = if sel.mode == ActorMode::Any {
            "or"
        } else {
            "and"
        };
        parts.push(format!("naming {}", listed(&names, joiner)));
    }
    if !sel.years.is_empty() {
        let years: Vec<String> = sel.years.iter().flatten().map(i16::to_string).collect();
        let undated = sel.years.contains(&None);
        parts.push(match (years.is_empty(), undated) {
            (true, _) => "undated".into(),
            (false, false) => format!("dated {}", listed(&years, "or")),
            (false, true) => format!("dated {} or undated", listed(&years, "or")),
        });
    }
    if !sel.outlets.is_empty() {
        let outlets: Vec<String> = sel
            .outlets
            .iter()
            .map(|o| {
                o.and_then(|o| ex.bundle.index.outlets.get(o as usize))
                    .map_or_else(|| "an unknown outlet".to_string(), |o| o.name.clone())
            })
            .collect();
        parts.push(format!("from {}", listed(&outlets, "or")));
    }
    parts.join(", ")
}

/// The matching articles, newest first as the list shows them.
pub fn articles_csv(ex: &Explorer, r: &QueryResult) -> String {
    coverage_core::export::articles_csv(&ex.bundle.index, &ex.newest_first(&r.matches))
}

/// Who acts on whom in the evidence of each of the map's pairs (`a < b`, so `a` is the edge's
/// source), over the matching articles less copies, as the edges count them. Read from the
/// articles' texts, so `None` for a corpus whose texts are files beside the page (this does not
/// fetch them) or when a text chunk cannot be read.
fn acts(ex: &Explorer, r: &QueryResult) -> Option<HashMap<(u32, u32), Acts>> {
    if ex.bundle.is_external() {
        return None;
    }
    let cols = ex.cols();
    let mut out: HashMap<(u32, u32), Acts> = r
        .edges
        .iter()
        .map(|e| ((e.a, e.b), Acts::default()))
        .collect();
    let on_map = |i: usize| {
        cols.pairs(i)
            .any(|p| out.contains_key(&(cols.pair_a[p], cols.pair_b[p])))
    };
    let wanted: Vec<usize> = r
        .matches
        .iter()
        .map(|i| i as usize)
        .filter(|&i| cols.duplicate_of[i] == NONE && on_map(i))
        .collect();
    // Matches come in ascending order, so each chunk is inflated once.
    let mut texts = (usize::MAX, Vec::new());
    for i in wanted {
        let chunk = i / CHUNK_ARTICLES;
        if texts.0 != chunk {
            texts = (chunk, ex.bundle.chunk(chunk).ok()?);
        }
        for e in &texts.1.get(i % CHUNK_ARTICLES)?.evidence {
            if let Some(acts) = out.get_mut(&(e.a, e.b)) {
                acts.add(e.direction);
            }
        }
    }
    Some(out)
}

/// The map's graph: its actors (most-named first) and every pair among them, strongest first,
/// as the table lists them (the picture draws only the strongest lines), with who acts on whom
/// where the page holds the texts.
pub fn graph<'a>(ex: &'a Explorer, r: &QueryResult) -> Graph<'a> {
    let acts = acts(ex, r);
    let nodes = r
        .nodes
        .iter()
        .map(|n| {
            let a = ex.actor(n.actor);
            GraphNode {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                articles: n.articles,
            }
        })
        .collect();
    let edges = r
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (ex.actor(e.a), ex.actor(e.b));
            GraphEdge {
                source: &a.id,
                target: &b.id,
                source_name: &a.name,
                target_name: &b.name,
                articles: e.articles,
                tone: e.tone,
                acts: acts.as_ref().and_then(|m| m.get(&(e.a, e.b)).copied()),
            }
        })
        .collect();
    Graph { nodes, edges }
}

/// The map's edges as CSV.
pub fn edges_csv(ex: &Explorer, r: &QueryResult) -> String {
    coverage_core::export::edges_csv(&graph(ex, r))
}

/// The map's graph as GEXF 1.3, its description naming the view.
pub fn gexf(ex: &Explorer, r: &QueryResult, view: &str) -> String {
    let description = format!(
        "{GRAPH_DESCRIPTION}: the {} most-named actors in {view}, and every pair of them named in one sentence",
        r.nodes.len()
    );
    coverage_core::export::gexf(&graph(ex, r), &description)
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Width of the exported picture, in pixels; the map keeps its proportions inside it.
const PICTURE_WIDTH: f64 = 920.0;
const PAD: f64 = 16.0;
/// Average character width of the 13px description lines, for wrapping them.
const DESC_CHAR_WIDTH: f64 = 6.6;
/// The same for the 11px lines at the foot.
const FOOT_CHAR_WIDTH: f64 = 5.8;
/// PNG pixels per SVG pixel.
const PNG_SCALE: f64 = 2.0;

/// Properties that SVG elements inherit: written where they differ from the parent's.
const INHERITED: [&str; 15] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "paint-order",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "visibility",
];
/// Properties that are not inherited, with their initial value: written where they differ.
const OWN: [(&str, &str); 2] = [("opacity", "1"), ("filter", "none")];
/// Shapes, which draw nothing when both their fill and their stroke are transparent.
const SHAPES: [&str; 7] = [
    "path", "line", "circle", "rect", "polygon", "polyline", "ellipse",
];

/// A standalone picture of the map.
pub struct Picture {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

fn js(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Adds an SVG element with attributes (and text) under `parent`. Text goes in as a text node.
fn add(
    doc: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> Result<web_sys::Element, String> {
    let el = doc.create_element_ns(Some(SVG_NS), tag).map_err(js)?;
    for (k, v) in attrs {
        el.set_attribute(k, v).map_err(js)?;
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    parent.append_child(&el).map_err(js)?;
    Ok(el)
}

/// Words into lines of at most `max` characters.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The background the map is drawn on: the first ancestor with an opaque background colour.
fn background(win: &web_sys::Window, el: &web_sys::Element) -> String {
    let mut at = el.parent_element();
    while let Some(e) = at {
        if let Ok(Some(style)) = win.get_computed_style(&e) {
            let bg = style
                .get_property_value("background-color")
                .unwrap_or_default();
            if !bg.is_empty() && !transparent(&bg) {
                return bg;
            }
        }
        at = e.parent_element();
    }
    "rgb(255, 255, 255)".into()
}

/// Whether a computed colour paints nothing: `none`, `transparent` or an alpha of zero.
fn transparent(colour: &str) -> bool {
    let alpha = colour
        .strip_prefix("rgba(")
        .and_then(|c| c.strip_suffix(')'))
        .and_then(|c| c.rsplit(',').next())
        .and_then(crate::decimal::number);
    colour == "none" || colour == "transparent" || alpha == Some(0.0)
}

/// The map the page shows, as a standalone SVG: a title, the view in words, the map with its
/// colours written inline (no class or style sheet left), a legend and where it came from.
/// `Err` when no map is shown (the table view).
pub fn map_picture(ex: &Explorer, view: &str, r: &QueryResult) -> Result<Picture, String> {
    let win = window();
    let doc = document();
    let live = doc
        .get_element_by_id("map")
        .ok_or("Show the map (not the table) to export it as a picture.")?;
    let vb: Vec<f64> = live
        .get_attribute("viewBox")
        .unwrap_or_default()
        .split([' ', ','])
        .filter_map(crate::decimal::number)
        .collect();
    let &[vx, vy, vw, vh] = vb.as_slice() else {
        return Err("The map has no view box to copy.".into());
    };
    let map_h = (PICTURE_WIDTH * vh / vw.max(1.0)).round();
    let desc_lines = wrap(
        &format!("{view}; the {} most-named actors.", r.nodes.len()),
        ((PICTURE_WIDTH - 2.0 * PAD) / DESC_CHAR_WIDTH) as usize,
    );
    let map_y = 44.0 + 18.0 * desc_lines.len() as f64;
    let legend_y = map_y + map_h + 22.0;
    let foot_lines = wrap(
        &foot(ex, &live, r),
        ((PICTURE_WIDTH - 2.0 * PAD) / FOOT_CHAR_WIDTH) as usize,
    );
    let foot_y = legend_y + 30.0;
    let height = foot_y + 14.0 * foot_lines.len() as f64;

    // Built in the document (off screen), so the page's style sheet gives every element the
    // colours the page shows; then those are written inline and the classes dropped.
    let holder: web_sys::HtmlElement = doc.create_element("div").map_err(js)?.unchecked_into();
    let style = holder.style();
    for (k, v) in [
        ("position", "fixed"),
        ("left", "-100000px"),
        ("top", "0"),
        ("pointer-events", "none"),
    ] {
        style.set_property(k, v).map_err(js)?;
    }
    holder.set_attribute("aria-hidden", "true").map_err(js)?;
    doc.body()
        .ok_or("no body")?
        .append_child(&holder)
        .map_err(js)?;
    let built = build_picture(
        &doc,
        &holder,
        &live,
        Layout {
            view: (vx, vy, vw, vh),
            map_h,
            map_y,
            legend_y,
            foot_y,
            height,
            background: background(&win, &live),
        },
        &desc_lines,
        &foot_lines,
    )
    .and_then(|root| {
        inline_styles(&win, &root)?;
        let xml = web_sys::XmlSerializer::new()
            .and_then(|s| s.serialize_to_string(&root))
            .map_err(js)?;
        Ok(xml)
    });
    holder.remove();
    Ok(Picture {
        svg: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n", built?),
        width: PICTURE_WIDTH,
        height,
    })
}

/// What the sizes mean and where the picture came from, for its foot.
fn foot(ex: &Explorer, live: &web_sys::Element, r: &QueryResult) -> String {
    let info = &ex.bundle.index.info;
    let drawn = live
        .query_selector_all("[data-source][data-target]")
        .map_or(0, |l| l.length());
    format!(
        "Node size: articles naming the actor; line width: articles relating the pair ({drawn} strongest of {} pairs drawn). Coverage explorer, built from {} files on {}, corpus SHA-256 {}.",
        r.edges.len(),
        info.files,
        info.built,
        info.corpus_hash.get(..16).unwrap_or(&info.corpus_hash)
    )
}

/// Where the parts of the picture go.
struct Layout {
    view: (f64, f64, f64, f64),
    map_h: f64,
    map_y: f64,
    legend_y: f64,
    foot_y: f64,
    height: f64,
    background: String,
}

fn build_picture(
    doc: &web_sys::Document,
    holder: &web_sys::HtmlElement,
    live: &web_sys::Element,
    at: Layout,
    desc_lines: &[String],
    foot_lines: &[String],
) -> Result<web_sys::Element, String> {
    let (w, h) = (short(PICTURE_WIDTH), short(at.height));
    let root = doc.create_element_ns(Some(SVG_NS), "svg").map_err(js)?;
    for (k, v) in [
        ("width", w.as_str()),
        ("height", h.as_str()),
        ("viewBox", &format!("0 0 {w} {h}")),
        ("fill", "currentColor"),
    ] {
        root.set_attribute(k, v).map_err(js)?;
    }
    holder.append_child(&root).map_err(js)?;
    let title = "Who relates to whom: actors named in the same sentence";
    add(doc, &root, "title", &[], Some(title))?;
    add(doc, &root, "desc", &[], Some(&desc_lines.join(" ")))?;
    let bg = at.background.as_str();
    add(
        doc,
        &root,
        "rect",
        &[
            ("width", &w),
            ("height", &h),
            ("fill", bg),
            ("stroke", "none"),
        ],
        None,
    )?;
    let x = short(PAD);
    add(
        doc,
        &root,
        "text",
        &[
            ("x", &x),
            ("y", "30"),
            ("font-size", "20"),
            ("font-weight", "700"),
        ],
        Some(title),
    )?;
    for (i, line) in desc_lines.iter().enumerate() {
        let y = short(52.0 + 18.0 * i as f64);
        add(
            doc,
            &root,
            "text",
            &[
                ("x", &x),
                ("y", &y),
                ("font-size", "13"),
                ("fill-opacity", "0.8"),
            ],
            Some(line),
        )?;
    }
    let (vx, vy, vw, vh) = at.view;
    let map = add(
        doc,
        &root,
        "svg",
        &[
            ("x", "0"),
            ("y", &short(at.map_y)),
            ("width", &w),
            ("height", &short(at.map_h)),
            (
                "viewBox",
                &format!("{} {} {} {}", short(vx), short(vy), short(vw), short(vh)),
            ),
        ],
        None,
    )?;
    let children = live.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            let copy = child.clone_node_with_deep(true).map_err(js)?;
            map.append_child(&copy).map_err(js)?;
        }
    }
    legend(doc, &root, at.legend_y)?;
    for (i, line) in foot_lines.iter().enumerate() {
        let y = short(at.foot_y + 14.0 * i as f64);
        add(
            doc,
            &root,
            "text",
            &[
                ("x", &x),
                ("y", &y),
                ("font-size", "11"),
                ("fill-opacity", "0.8"),
            ],
            Some(line),
        )?;
    }
    Ok(root)
}

/// The legend: the three shapes and three line styles, with the page's classes (their colours
/// are written inline with the rest).
fn legend(doc: &web_sys::Document, root: &web_sys::Element, y: f64) -> Result<(), String> {
    let g = add(
        doc,
        root,
        "g",
        &[
            (
                "transform",
                &format!("translate({} {})", short(PAD), short(y)),
            ),
            ("font-size", "13"),
        ],
        None,
    )?;
    let mut x = 0.0;
    let mut item = |shape: &str, attrs: &[(&str, &str)], label: &str, width: f64| {
        let key = add(
            doc,
            &g,
            "g",
            &[("transform", &format!("translate({} 0)", short(x)))],
            None,
        )?;
        add(doc, &key, shape, attrs, None)?;
        let lx = if shape == "line" { "36" } else { "20" };
        add(doc, &key, "text", &[("x", lx), ("y", "4")], Some(label))?;
        x += width;
        Ok::<(), String>(())
    };
    item(
        "circle",
        &[
            ("class", "node person"),
            ("cx", "7"),
            ("cy", "0"),
            ("r", "7"),
        ],
        "person",
        90.0,
    )?;
    item(
        "rect",
        &[
            ("class", "node country"),
            ("x", "0"),
            ("y", "-7"),
            ("width", "14"),
            ("height", "14"),
            ("rx", "2"),
        ],
        "country",
        95.0,
    )?;
    item(
        "polygon",
        &[
            ("class", "node organization"),
            ("points", "7,-8 15,0 7,8 -1,0"),
        ],
        "organisation",
        130.0,
    )?;
    for tone in ["cooperation", "conflict", "neutral"] {
        let class = format!("edge {tone}");
        item(
            "line",
            &[
                ("class", &class),
                ("x1", "0"),
                ("y1", "0"),
                ("x2", "30"),
                ("y2", "0"),
                ("stroke-width", "3"),
            ],
            tone,
            140.0,
        )?;
    }
    Ok(())
}

/// An element of the picture, the properties to write into its `style`, and whether it draws
/// nothing (and goes).
type Planned = (web_sys::Element, Vec<(&'static str, String)>, bool);

/// Writes every element's computed colours, strokes and fonts into its `style` (where they
/// differ from what it inherits), drops shapes that draw nothing (the wide invisible lines that
/// catch clicks), then strips classes and the page's interactive attributes.
fn inline_styles(win: &web_sys::Window, root: &web_sys::Element) -> Result<(), String> {
    let all = root.query_selector_all("*").map_err(js)?;
    let mut elements: Vec<web_sys::Element> = vec![root.clone()];
    for i in 0..all.length() {
        if let Some(el) = all.item(i).and_then(|n| n.dyn_into().ok()) {
            elements.push(el);
        }
    }
    let computed = |el: &web_sys::Element| win.get_computed_style(el).ok().flatten();
    // Read everything first: dropping a class changes what the elements below inherit.
    let mut plan: Vec<Planned> = Vec::new();
    for el in elements {
        let Some(style) = computed(&el) else { continue };
        let get =
            |s: &web_sys::CssStyleDeclaration, p: &str| s.get_property_value(p).unwrap_or_default();
        let parent = el
            .parent_element()
            .filter(|_| el != *root)
            .and_then(|p| computed(&p));
        let mut props = Vec::new();
        for p in INHERITED {
            let v = get(&style, p);
            if !v.is_empty() && parent.as_ref().is_none_or(|s| get(s, p) != v) {
                props.push((p, v));
            }
        }
        for (p, initial) in OWN {
            let v = get(&style, p);
            if !v.is_empty() && v != initial {
                props.push((p, v));
            }
        }
        let tag = el.tag_name().to_ascii_lowercase();
        let invisible = get(&style, "display") == "none"
            || (SHAPES.contains(&tag.as_str())
                && transparent(&get(&style, "fill"))
                && transparent(&get(&style, "stroke")));
        plan.push((el, props, invisible));
    }
    for (el, props, invisible) in plan {
        if invisible {
            el.remove();
            continue;
        }
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap_or_default();
            if name == "class"
                || name == "tabindex"
                || name == "role"
                || name.starts_with("aria-")
                || name.starts_with("data-")
            {
                el.remove_attribute(&name).map_err(js)?;
            }
        }
        if props.is_empty() {
            continue;
        }
        let style = el
            .dyn_ref::<web_sys::SvgElement>()
            .ok_or("not an SVG element")?
            .style();
        for (p, v) in props {
            style.set_property(p, &v).map_err(js)?;
        }
    }
    Ok(())
}

/// Draws the picture on a canvas (through an image of its SVG) and gives the PNG bytes. The
/// image comes from a `data:` URL, which the page's CSP allows for images (a `blob:` one it
/// does not).
pub async fn png(picture: &Picture) -> Result<gloo::file::Blob, String> {
    use wasm_bindgen_futures::JsFuture;
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&picture.svg))
    );
    let img = web_sys::HtmlImageElement::new().map_err(js)?;
    img.set_src(&url);
    JsFuture::from(img.decode())
        .await
        .map_err(|e| format!("the map picture could not be drawn ({})", js(e)))?;
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js)?
        .unchecked_into();
    let (w, h) = (picture.width * PNG_SCALE, picture.height * PNG_SCALE);
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js)?
        .ok_or("no 2D canvas")?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .map_err(js)?;
    let blob = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob(&resolve);
    });
    let blob = JsFuture::from(blob).await.map_err(js)?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| "the canvas gave no PNG")?;
    Ok(blob.into())
}

/// Hands a file to the browser's downloads: a Blob URL on an `<a download>`, clicked.
pub fn download(name: &str, blob: gloo::file::Blob) -> Result<(), String> {
    let url = gloo::file::ObjectUrl::from(blob);
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(js)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    doc.body().ok_or("no body")?.append_child(&a).map_err(js)?;
    a.click();
    a.remove();
    // Revoked once the browser has surely started reading it.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

fn text_file(name: &str, text: &str, mime: &str) -> Result<(), String> {
    download(name, gloo::file::Blob::new_with_options(text, Some(mime)))
}

/// The file kinds the panel offers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Articles,
    EdgesCsv,
    Gexf,
    Svg,
    Png,
}

/// The export buttons, with what the files hold and a status line.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let c = ctx();
    let (ex, state, result) = (c.ex, c.state, c.result);
    let status = RwSignal::new(String::new());
    let table = Memo::new(move |_| state.with(|s| s.table));
    let run = move |kind: Kind| {
        let sel = state.with_untracked(|s: &ViewState| ex.resolve(s).0);
        let part = name_part(ex, &sel);
        let done = result.with_untracked(|r| {
            let view = describe(ex, &sel, r.matches.len());
            let saved = |name: String, what: String| format!("Saved {name}: {what}.");
            match kind {
                Kind::Articles => {
                    let name = file_name("articles", &part, "csv");
                    text_file(&name, &articles_csv(ex, r), "text/csv;charset=utf-8")
                        .map(|()| saved(name, format!("{} articles", r.matches.len())))
                }
                Kind::EdgesCsv => {
                    let name = file_name("edges", &part, "csv");
                    text_file(&name, &edges_csv(ex, r), "text/csv;charset=utf-8")
                        .map(|()| saved(name, format!("{} pairs", r.edges.len())))
                }
                Kind::Gexf => {
                    let name = file_name("graph", &part, "gexf");
                    text_file(&name, &gexf(ex, r, &view), "application/gexf+xml").map(|()| {
                        saved(
                            name,
                            format!("{} actors, {} pairs", r.nodes.len(), r.edges.len()),
                        )
                    })
                }
                Kind::Svg => map_picture(ex, &view, r).and_then(|p| {
                    let name = file_name("map", &part, "svg");
                    text_file(&name, &p.svg, "image/svg+xml")
                        .map(|()| saved(name, format!("{} actors", r.nodes.len())))
                }),
                Kind::Png => map_picture(ex, &view, r).map(|p| {
                    let name = file_name("map", &part, "png");
                    let actors = r.nodes.len();
                    leptos::task::spawn_local(async move {
                        let message = match png(&p).await.and_then(|b| download(&name, b)) {
                            Ok(()) => saved(name, format!("{actors} actors")),
                            Err(e) => format!("The PNG could not be made: {e}"),
                        };
                        status.set(message);
                    });
                    "Drawing the PNG…".to_string()
                }),
            }
        });
        status.set(done.unwrap_or_else(|e| e));
    };
    let button = move |id: &'static str, label: &'static str, kind: Kind| {
        let picture = matches!(kind, Kind::Svg | Kind::Png);
        view! {
            <button
                id=id
                class="button small"
                aria-describedby="export-note"
                disabled=move || picture && table.get()
                on:click=move |_| run(kind)
            >
                {label}
            </button>
        }
    };
    let summary = move || {
        result.with(|r| {
            let n = |count: u64, one: &str, many: &str| {
                format!("{count} {}", if count == 1 { one } else { many })
            };
            format!(
                "{}, {} and {} on the map. The files are made in this browser; nothing is sent anywhere.",
                n(r.matches.len(), "article", "articles"),
                n(r.nodes.len() as u64, "actor", "actors"),
                n(r.edges.len() as u64, "pair", "pairs"),
            )
        })
    };
    let acts_note = if ex.bundle.is_external() {
        "Each pair is one undirected edge. Who acts on whom is read per sentence (the evidence shows it), but this corpus keeps its texts in files beside the page, so the files made here leave it out; the coverage command's GEXF and GraphML count it."
    } else {
        "Each pair is one undirected edge; the GEXF also counts its sentences by who acts on whom: source_acts where the edge's source acts on its target, target_acts the other way, mutual where both act together (a sentence that does not say counts in none). The edges CSV has no direction."
    };
    view! {
        <section class="export" aria-labelledby="export-title">
            <div class="panel-head">
                <h2 id="export-title">"Export this view"</h2>
            </div>
            <p class="export-summary">{summary}</p>
            <div class="export-groups">
                <div class="export-group" role="group" aria-labelledby="export-articles-label">
                    <span class="export-label" id="export-articles-label">"Matching articles"</span>
                    {button("export-articles", "Articles (CSV)", Kind::Articles)}
                </div>
                <div class="export-group" role="group" aria-labelledby="export-map-label">
                    <span class="export-label" id="export-map-label">"The map"</span>
                    {button("export-edges", "Edges (CSV)", Kind::EdgesCsv)}
                    {button("export-gexf", "Graph (GEXF)", Kind::Gexf)}
                    {button("export-svg", "Picture (SVG)", Kind::Svg)}
                    {button("export-png", "Picture (PNG)", Kind::Png)}
                </div>
            </div>
            <details class="export-about">
                <summary>"What the files hold"</summary>
                <p id="export-note">
                    "Articles: file, title, outlet, date, read status, the article a copy repeats, and the actors named, for every matching article, newest first (texts, bylines and URLs are not included). Edges: the actors on the map and every pair of them named in one sentence, with distinct articles and sentences by tone. "
                    {acts_note}
                    " Gephi, networkx and spreadsheets open these files. Pictures: the map as shown, with a title, the filters in words, a legend and the corpus it came from."
                    {move || table.get().then_some(" Show the map (not the table) to save it as a picture.")}
                </p>
            </details>
            <p class="export-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_words() {
        assert_eq!(
            wrap("3 of 5 articles, naming Kim Jong Un and Vladimir Putin", 20),
            [
                "3 of 5 articles,",
                "naming Kim Jong Un",
                "and Vladimir Putin"
            ]
        );
        assert!(wrap("", 20).is_empty());
    }

    #[test]
    fn lists_read_as_prose() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(listed(&s(&["A"]), "and"), "A");
        assert_eq!(listed(&s(&["A", "B"]), "or"), "A or B");
        assert_eq!(listed(&s(&["A", "B", "C"]), "and"), "A, B and C");
    }

    use crate::data::explorer;
    use crate::state::DEFAULT_MAP_SIZE;

    fn select(actors: &[&str], mode: ActorMode, years: &[Option<i16>]) -> Selection {
        let ex = explorer().unwrap();
        Selection {
            actors: actors
                .iter()
                .map(|a| ex.actor_index(a).expect("a seed actor"))
                .collect(),
            mode,
            years: years.to_vec(),
            outlets: Vec::new(),
        }
    }

    #[test]
    fn file_names_follow_the_filters() {
        let ex = explorer().unwrap();
        assert_eq!(name_part(ex, &Selection::default()), "all");
        let sel = select(
            &["moon-jae-in", "kim-jong-un"],
            ActorMode::Any,
            &[Some(2019), None],
        );
        assert_eq!(
            name_part(ex, &sel),
            "any-moon-jae-in+kim-jong-un_2019+undated"
        );
        let sel = select(&["moon-jae-in", "kim-jong-un"], ActorMode::All, &[]);
        assert_eq!(name_part(ex, &sel), "moon-jae-in+kim-jong-un");
        assert_eq!(
            file_name("graph", "2019", "gexf"),
            "coverage-graph-2019.gexf"
        );
    }

    #[test]
    fn many_filters_make_a_short_file_name() {
        let ex = explorer().unwrap();
        let sel = Selection {
            actors: (0..ex.bundle.index.actors.len() as u32).collect(),
            ..Selection::default()
        };
        let name = name_part(ex, &sel);
        assert!(
            name.ends_with("-etc") && name.len() <= NAME_PART_MAX + 4,
            "{name}"
        );
    }

    #[test]
    fn the_view_in_words_names_every_filter() {
        let ex = explorer().unwrap();
        let total = ex.cols().len();
        assert_eq!(
            describe(ex, &Selection::default(), total as u64),
            format!("all {total} articles (no filters)")
        );
        let sel = select(
            &["moon-jae-in", "kim-jong-un"],
            ActorMode::Any,
            &[Some(2019), None],
        );
        assert_eq!(
            describe(ex, &sel, 3),
            format!(
                "3 of {total} articles, naming Moon Jae-in or Kim Jong Un, dated 2019 or undated"
            )
        );
    }

    #[test]
    fn the_files_hold_the_answer_to_the_filters() {
        let ex = explorer().unwrap();
        let sel = select(&["moon-jae-in"], ActorMode::All, &[]);
        let r = ex.index.query(ex.cols(), &sel, DEFAULT_MAP_SIZE);
        let all = ex
            .index
            .query(ex.cols(), &Selection::default(), DEFAULT_MAP_SIZE);
        assert!(r.matches.len() < all.matches.len(), "the filter narrows");
        // Seed titles and names hold no line breaks: a line is a row.
        assert_eq!(
            articles_csv(ex, &r).lines().count() as u64,
            1 + r.matches.len()
        );
        assert!(
            articles_csv(ex, &r)
                .lines()
                .skip(1)
                .all(|row| row.ends_with("moon-jae-in") || row.contains("moon-jae-in; ")),
            "every row names the selected actor"
        );
        assert_eq!(edges_csv(ex, &r).lines().count(), 1 + r.edges.len());
        let view = describe(ex, &sel, r.matches.len());
        let gexf = gexf(ex, &r, &view);
        assert_eq!(gexf.matches("<node ").count(), r.nodes.len());
        assert_eq!(gexf.matches("<edge ").count(), r.edges.len());
        assert!(gexf.contains("naming Moon Jae-in"));
    }

    #[test]
    fn the_graph_says_who_acts_in_each_pairs_evidence() {
        let ex = explorer().unwrap();
        let r = ex
            .index
            .query(ex.cols(), &Selection::default(), DEFAULT_MAP_SIZE);
        assert!(!r.edges.is_empty());
        let g = graph(ex, &r);
        for (edge, e) in g.edges.iter().zip(&r.edges) {
            let acts = edge.acts.expect("the seed texts are in the page");
            assert!(
                acts.source_acts + acts.target_acts + acts.mutual <= e.tone.total(),
                "{edge:?}: more directed sentences than sentences"
            );
        }
        // The counts are the texts' evidence, pair by pair, over the same articles.
        let mut expected: HashMap<(u32, u32), Acts> = HashMap::new();
        for i in r.matches.iter() {
            if ex.cols().duplicate_of[i as usize] != NONE {
                continue;
            }
            for e in ex.text(i).expect("an inline text").evidence {
                expected.entry((e.a, e.b)).or_default().add(e.direction);
            }
        }
        for (edge, e) in g.edges.iter().zip(&r.edges) {
            assert_eq!(edge.acts, Some(expected[&(e.a, e.b)]), "{edge:?}");
        }
        assert!(
            g.edges
                .iter()
                .any(|e| e.acts.is_some_and(|a| a != Acts::default())),
            "some seed sentence says who acts"
        );
        let text = gexf(ex, &r, "all");
        assert_eq!(
            text.matches("<attvalue for=\"source_acts\"").count(),
            r.edges.len()
        );
    }

    #[test]
    fn only_a_clear_colour_is_transparent() {
        assert!(transparent("rgba(0, 0, 0, 0)"));
        assert!(transparent("none"));
        assert!(!transparent("rgb(0, 0, 0)"));
        assert!(!transparent("rgba(10, 20, 30, 0.5)"));
        assert!(!transparent("rgb(10, 20, 0)"));
    }
}
