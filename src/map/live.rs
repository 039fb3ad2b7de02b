//! The map's live part: zoom, pan and highlight, applied straight to the drawn SVG (its view
//! box, two CSS variables, classes, and the labels' group), never through the reactive graph
//! and never by rebuilding the map's markup. Pointer, wheel, key and focus events arrive through
//! a few listeners on the SVG element; what they land on is found by the elements' data keys.

use super::Frame;
use super::camera::{Camera, MAX_ZOOM, MIN_ZOOM, PAN_STEP, Rect, ZOOM_STEP};
use super::labels::{Spot, labels_markup, place_labels};
use gloo::events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How far a pointer moves, in pixels, before a press becomes a drag (a click stays a click).
const DRAG_PX: f32 = 4.0;

/// What is drawn, as the live part needs it: nodes (centre, radius, name; found by actor id) in
/// drawing order, edges as node pairs in drawing order, and the edge whose evidence is open.
#[derive(Default)]
pub struct Scene {
    pub spots: Vec<Spot>,
    pub names: Vec<String>,
    pub edges: Vec<(usize, usize)>,
    pub selected_edge: Option<usize>,
    by_id: HashMap<String, usize>,
    /// Per node: its edges and the node at their other end.
    around: Vec<Vec<(usize, usize)>>,
}

impl Scene {
    pub fn new(
        spots: Vec<Spot>,
        names: Vec<String>,
        ids: Vec<String>,
        edges: Vec<(usize, usize)>,
        selected_edge: Option<usize>,
    ) -> Scene {
        let by_id = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let mut around = vec![Vec::new(); spots.len()];
        for (e, &(a, b)) in edges.iter().enumerate() {
            if a < around.len() && b < around.len() {
                around[a].push((e, b));
                around[b].push((e, a));
            }
        }
        Scene {
            spots,
            names,
            edges,
            selected_edge,
            by_id,
            around,
        }
    }

    /// What a node or an edge key names, if it is drawn.
    fn target(&self, hit: &super::Hit) -> Option<Target> {
        match hit {
            super::Hit::Actor(id) => self.by_id.get(id).map(|&i| Target::Node(i)),
            super::Hit::Edge(a, b) => {
                let (a, b) = (*self.by_id.get(a)?, *self.by_id.get(b)?);
                self.around[a]
                    .iter()
                    .find(|&&(_, other)| other == b)
                    .map(|&(e, _)| Target::Edge(e))
            }
        }
    }

    /// The nodes and edges a target lights up: a node, its neighbours and the edges between;
    /// an edge and its two nodes.
    pub fn lit(&self, target: Target) -> (Vec<usize>, Vec<usize>) {
        match target {
            Target::Node(i) if i < self.around.len() => {
                let mut nodes = vec![i];
                let mut edges = Vec::new();
                for &(e, other) in &self.around[i] {
                    nodes.push(other);
                    edges.push(e);
                }
                (nodes, edges)
            }
            Target::Edge(e) if e < self.edges.len() => {
                let (a, b) = self.edges[e];
                (vec![a, b], vec![e])
            }
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// Where a target is, in drawing units.
    fn position(&self, target: Target) -> Option<(f32, f32)> {
        match target {
            Target::Node(i) => self.spots.get(i).map(|s| (s.x, s.y)),
            Target::Edge(e) => {
                let &(a, b) = self.edges.get(e)?;
                let (a, b) = (self.spots.get(a)?, self.spots.get(b)?);
                Some(((a.x + b.x) / 2.0, (a.y + b.y) / 2.0))
            }
        }
    }
}

/// A drawn node or edge, by its place in the scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Node(usize),
    Edge(usize),
}

/// Whether the zoom buttons can zoom further out and further in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub can_zoom_out: bool,
    pub can_zoom_in: bool,
}

/// What a pressed pointer or two are doing.
enum Gesture {
    None,
    /// Pressed, not yet moved far enough to be a drag.
    Press {
        start: (f32, f32),
    },
    Drag {
        last: (f32, f32),
    },
    /// Two pointers: the distance between them and their midpoint, last seen.
    Pinch {
        distance: f32,
        middle: (f32, f32),
    },
}

/// The map's live state, shared by its listeners (one `Rc`, never borrowed across a DOM call
/// that may dispatch an event).
pub struct Live {
    svg: Option<web_sys::Element>,
    groups: Option<[web_sys::Element; 3]>,
    pub camera: Camera,
    size: (f32, f32),
    pub scene: Scene,
    hover: Option<Target>,
    focus: Option<Target>,
    shown: Option<Target>,
    marked: Vec<web_sys::Element>,
    /// The view, highlight and scene generation the labels were placed for.
    labels_for: Option<(Rect, Option<Target>, u32)>,
    generation: u32,
    scale_shown: f32,
    pointers: Vec<(i32, (f32, f32))>,
    gesture: Gesture,
    suppress_click: bool,
    frame_pending: bool,
    /// The map spans the page: the wheel zooms without Ctrl.
    pub large: bool,
    limits: RwSignal<Limits>,
    /// The layout's frame for the element's shape, set when a measure finds another.
    frame: RwSignal<Frame>,
}

/// The drawing's node radii grow as the cube root of the zoom on the screen, not with it: a
/// closer view spreads the knot apart instead of only magnifying it.
pub fn node_scale(zoom: f32) -> f32 {
    zoom.powf(-2.0 / 3.0)
}

impl Live {
    pub fn new(shape: Frame, limits: RwSignal<Limits>, frame: RwSignal<Frame>) -> Live {
        let drawing = shape.drawing();
        Live {
            svg: None,
            groups: None,
            camera: Camera::new(drawing),
            size: (drawing.w, drawing.h),
            scene: Scene::default(),
            hover: None,
            focus: None,
            shown: None,
            marked: Vec::new(),
            labels_for: None,
            generation: 0,
            scale_shown: 0.0,
            pointers: Vec::new(),
            gesture: Gesture::None,
            suppress_click: false,
            frame_pending: false,
            large: false,
            limits,
            frame,
        }
    }

    /// After the map's markup was replaced: the new scene in `shape`, the groups it drew, the
    /// view (the whole drawing again when the frame changed).
    pub fn redrawn(&mut self, svg: &web_sys::Element, scene: Scene, shape: Frame) {
        self.svg = Some(svg.clone());
        if self.camera.drawing() != shape.drawing() {
            self.camera = Camera::new(shape.drawing());
        }
        self.scene = scene;
        self.generation = self.generation.wrapping_add(1);
        self.marked.clear();
        self.hover = None;
        self.focus = None;
        self.shown = None;
        let group = |class: &str| {
            svg.query_selector(&format!(":scope > g.{class}"))
                .ok()
                .flatten()
        };
        self.groups = match (group("nodes"), group("edges"), group("labels")) {
            (Some(n), Some(e), Some(l)) => Some([n, e, l]),
            _ => None,
        };
        let _ = svg.class_list().remove_1("focusing");
        self.apply();
    }

    /// Reads the SVG's size on the screen (on resize), and asks for another frame when the
    /// element's shape calls for one (the map is laid out and drawn again).
    pub fn measure(&mut self) {
        if let Some(svg) = &self.svg {
            let rect = svg.get_bounding_client_rect();
            if rect.width() > 0.0 && rect.height() > 0.0 {
                self.size = (rect.width() as f32, rect.height() as f32);
                let shape = Frame::for_size(self.size);
                if self.frame.get_untracked() != shape {
                    self.frame.set(shape);
                }
            }
        }
    }

    /// Writes the camera to the SVG (view box; names' and nodes' scale when the zoom changed)
    /// and places the names again when the scale or the highlight changed.
    pub fn apply(&mut self) {
        let Some(svg) = self.svg.clone() else { return };
        let v = self.camera.view_box(self.size);
        let _ = svg.set_attribute("viewBox", &v.attribute());
        let k = self.camera.scale(self.size);
        if (k - self.scale_shown).abs() > 1e-4 {
            self.scale_shown = k;
            if let Ok(svg) = svg.clone().dyn_into::<web_sys::SvgElement>() {
                let style = svg.style();
                let _ = style.set_property("--u", &crate::decimal::fixed(1.0 / k, 5).to_string());
                let _ = style.set_property(
                    "--ns",
                    &crate::decimal::fixed(node_scale(self.camera.zoom), 4).to_string(),
                );
            }
        }
        let zoomed = self.camera.zoom > MIN_ZOOM;
        let _ = svg.class_list().toggle_with_force("zoomed", zoomed);
        self.place_names();
        let limits = Limits {
            can_zoom_out: zoomed,
            can_zoom_in: self.camera.zoom < MAX_ZOOM,
        };
        if self.limits.get_untracked() != limits {
            self.limits.set(limits);
        }
    }

    /// Places the names for the current view and highlight, unless they already are: inside
    /// the view, so a name at its edge goes to its node's other side rather than being cut.
    fn place_names(&mut self) {
        let k = self.camera.scale(self.size);
        let view = self.camera.view_box(self.size);
        let key = (view, self.shown, self.generation);
        if self.labels_for == Some(key) {
            return;
        }
        let Some([_, _, labels]) = &self.groups else {
            return;
        };
        let ns = node_scale(self.camera.zoom);
        let spots: Vec<Spot> = self
            .scene
            .spots
            .iter()
            .map(|s| Spot { r: s.r * ns, ..*s })
            .collect();
        let names: Vec<&str> = self.scene.names.iter().map(String::as_str).collect();
        let (lit, _) = self.shown.map(|t| self.scene.lit(t)).unwrap_or_default();
        let mut first = lit.clone();
        if let Some(e) = self.scene.selected_edge {
            let (a, b) = self.scene.edges[e];
            first.extend([a, b]);
        }
        let placed = place_labels(&spots, &names, k, &first, &view);
        let mut near = vec![false; spots.len()];
        for i in lit {
            near[i] = true;
        }
        labels.set_inner_html(&labels_markup(&placed, &names, &near));
        self.labels_for = Some(key);
    }

    /// Lights up what the pointer or the keyboard focus is on, dims the rest.
    fn highlight(&mut self) {
        let target = self.hover.or(self.focus);
        if target == self.shown {
            return;
        }
        for el in self.marked.drain(..) {
            let _ = el.class_list().remove_1("near");
        }
        self.shown = target;
        if let (Some(t), Some([nodes, edges, _])) = (target, &self.groups) {
            let (lit_nodes, lit_edges) = self.scene.lit(t);
            let (nodes, edges) = (nodes.children(), edges.children());
            let found = lit_nodes
                .iter()
                .filter_map(|&i| nodes.item(i as u32))
                .chain(lit_edges.iter().filter_map(|&e| edges.item(e as u32)));
            for el in found {
                let _ = el.class_list().add_1("near");
                self.marked.push(el);
            }
        }
        if let Some(svg) = &self.svg {
            let _ = svg
                .class_list()
                .toggle_with_force("focusing", target.is_some());
        }
        self.place_names();
    }

    fn target_of(&self, ev: &web_sys::Event) -> Option<Target> {
        super::hit(ev).and_then(|h| self.scene.target(&h))
    }

    /// A pointer's position relative to the SVG's top left corner.
    fn local(&self, ev: &web_sys::MouseEvent) -> (f32, f32) {
        let rect = self
            .svg
            .as_ref()
            .map(|s| s.get_bounding_client_rect())
            .map_or((0.0, 0.0), |r| (r.left() as f32, r.top() as f32));
        (ev.client_x() as f32 - rect.0, ev.client_y() as f32 - rect.1)
    }

    pub fn zoom_in(&mut self) {
        self.zoom_around_focus(ZOOM_STEP);
    }

    pub fn zoom_out(&mut self) {
        self.zoom_around_focus(1.0 / ZOOM_STEP);
    }

    pub fn reset(&mut self) {
        self.camera.reset();
        self.apply();
    }

    /// Zooms around the node or edge in focus, else around the middle of the view.
    fn zoom_around_focus(&mut self, factor: f32) {
        let anchor = self.focus.and_then(|t| self.scene.position(t));
        self.camera.zoom_by(factor, anchor, self.size);
        self.apply();
    }

    /// Whether a click should act: not the end of a drag.
    pub fn take_click(&mut self) -> bool {
        !std::mem::take(&mut self.suppress_click)
    }
}

/// Applies the camera at the next frame (drags and wheels fire faster than frames).
fn schedule(live: &Rc<RefCell<Live>>) {
    let Ok(mut l) = live.try_borrow_mut() else {
        return;
    };
    if l.frame_pending {
        return;
    }
    l.frame_pending = true;
    let live = Rc::clone(live);
    request_animation_frame(move || {
        if let Ok(mut l) = live.try_borrow_mut() {
            l.frame_pending = false;
            l.apply();
        }
    });
}

/// The listeners and the resize observer of one drawn map; dropped with the map.
pub struct Hooks {
    _listeners: Vec<EventListener>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
}

impl Drop for Hooks {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.observer {
            observer.disconnect();
        }
    }
}

/// What one of the map's listeners does with its event.
type Handler = dyn Fn(&web_sys::Event, &Rc<RefCell<Live>>);

/// Attaches the map's listeners to `svg`: pointer drag and pinch, wheel, zoom and pan keys,
/// hover and focus highlight; and a resize observer.
pub fn attach(svg: &web_sys::Element, live: &Rc<RefCell<Live>>) -> Hooks {
    let target: &web_sys::EventTarget = svg.as_ref();
    let on = |name: &'static str, f: Box<Handler>| {
        let live = Rc::clone(live);
        EventListener::new(target, name, move |ev| f(ev, &live))
    };
    let mut listeners = vec![
        on("pointerdown", Box::new(pointer_down)),
        on("pointermove", Box::new(pointer_move)),
        on("pointerup", Box::new(pointer_up)),
        on("pointercancel", Box::new(pointer_up)),
        on(
            "pointerover",
            Box::new(|ev, live| {
                if let Ok(mut l) = live.try_borrow_mut()
                    && matches!(l.gesture, Gesture::None | Gesture::Press { .. })
                {
                    l.hover = l.target_of(ev);
                    l.highlight();
                }
            }),
        ),
        on(
            "pointerleave",
            Box::new(|_, live| {
                if let Ok(mut l) = live.try_borrow_mut() {
                    l.hover = None;
                    l.highlight();
                }
            }),
        ),
        on("focusin", Box::new(focus_in)),
        on(
            "focusout",
            Box::new(|ev, live| {
                let into_map = ev
                    .dyn_ref::<web_sys::FocusEvent>()
                    .and_then(|f| f.related_target())
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|n| {
                        live.try_borrow()
                            .ok()
                            .and_then(|l| l.svg.clone())
                            .is_some_and(|svg| svg.contains(Some(&n)))
                    });
                if !into_map && let Ok(mut l) = live.try_borrow_mut() {
                    l.focus = None;
                    l.highlight();
                }
            }),
        ),
        on("keydown", Box::new(key_down)),
    ];
    let wheel_live = Rc::clone(live);
    listeners.push(EventListener::new_with_options(
        target,
        "wheel",
        EventListenerOptions::enable_prevent_default(),
        move |ev| wheel(ev, &wheel_live),
    ));
    let resize_live = Rc::clone(live);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Ok(mut l) = resize_live.try_borrow_mut() {
            l.measure();
            l.apply();
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
        .ok()
        .map(|o| {
            o.observe(svg);
            (o, callback)
        });
    Hooks {
        _listeners: listeners,
        observer,
    }
}

fn pointer_down(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
        return;
    };
    if ev.pointer_type() == "mouse" && ev.button() != 0 {
        return;
    }
    let Ok(mut l) = live.try_borrow_mut() else {
        return;
    };
    let at = (ev.client_x() as f32, ev.client_y() as f32);
    l.pointers.retain(|(id, _)| *id != ev.pointer_id());
    l.pointers.push((ev.pointer_id(), at));
    l.suppress_click = false;
    l.gesture = match l.pointers.as_slice() {
        [_] => Gesture::Press { start: at },
        [(_, a), (_, b), ..] => Gesture::Pinch {
            distance: distance(*a, *b),
            middle: middle(*a, *b),
        },
        [] => Gesture::None,
    };
}

fn pointer_move(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
        return;
    };
    let at = (ev.client_x() as f32, ev.client_y() as f32);
    {
        let Ok(mut l) = live.try_borrow_mut() else {
            return;
        };
        let Some(slot) = l.pointers.iter_mut().find(|(id, _)| *id == ev.pointer_id()) else {
            return;
        };
        slot.1 = at;
        let size = l.size;
        match l.gesture {
            Gesture::Press { start } => {
                if distance(start, at) < DRAG_PX {
                    return;
                }
                if let Some(svg) = &l.svg {
                    let _ = svg.set_pointer_capture(ev.pointer_id());
                    let _ = svg.class_list().add_1("dragging");
                }
                l.camera.drag((at.0 - start.0, at.1 - start.1), size);
                l.gesture = Gesture::Drag { last: at };
                l.hover = None;
                l.highlight();
            }
            Gesture::Drag { last } => {
                l.camera.drag((at.0 - last.0, at.1 - last.1), size);
                l.gesture = Gesture::Drag { last: at };
            }
            Gesture::Pinch {
                distance: before,
                middle: was,
            } => {
                let [(_, a), (_, b), ..] = l.pointers.as_slice() else {
                    return;
                };
                let (now, mid) = (distance(*a, *b), middle(*a, *b));
                let origin = l.local(ev);
                let offset = (origin.0 - at.0, origin.1 - at.1);
                let anchor = l
                    .camera
                    .to_drawing((mid.0 + offset.0, mid.1 + offset.1), size);
                if before > 0.0 {
                    l.camera.zoom_by(now / before, Some(anchor), size);
                }
                l.camera.drag((mid.0 - was.0, mid.1 - was.1), size);
                l.gesture = Gesture::Pinch {
                    distance: now,
                    middle: mid,
                };
                l.suppress_click = true;
            }
            Gesture::None => return,
        }
    }
    schedule(live);
}

fn pointer_up(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
        return;
    };
    let Ok(mut l) = live.try_borrow_mut() else {
        return;
    };
    l.pointers.retain(|(id, _)| *id != ev.pointer_id());
    if matches!(l.gesture, Gesture::Drag { .. } | Gesture::Pinch { .. }) {
        l.suppress_click = true;
    }
    l.gesture = match l.pointers.as_slice() {
        // One finger left of a pinch carries on as a drag.
        [(_, at)] if matches!(l.gesture, Gesture::Pinch { .. }) => Gesture::Drag { last: *at },
        _ => Gesture::None,
    };
    if matches!(l.gesture, Gesture::None)
        && let Some(svg) = &l.svg
    {
        let _ = svg.class_list().remove_1("dragging");
    }
}

/// Ctrl + wheel (and a trackpad's pinch, which arrives as one) zooms around the pointer; so
/// does the plain wheel when the map spans the page. Otherwise the wheel scrolls the page.
fn wheel(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else {
        return;
    };
    {
        let Ok(mut l) = live.try_borrow_mut() else {
            return;
        };
        let pinch = ev.ctrl_key() || ev.meta_key();
        if !(pinch || l.large) {
            return;
        }
        ev.prevent_default();
        let lines = match ev.delta_mode() {
            0 => 1.0,
            1 => 16.0,
            _ => 400.0,
        };
        let rate = if pinch { 0.01 } else { 0.002 };
        let factor = (-(ev.delta_y() as f32) * lines * rate).exp2();
        let size = l.size;
        let anchor = l.camera.to_drawing(l.local(ev), size);
        l.camera.zoom_by(factor, Some(anchor), size);
    }
    schedule(live);
}

/// `+` / `-` zoom, `0` resets, the arrow keys pan (when the map or one of its nodes or edges
/// has the focus).
fn key_down(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let Ok(mut l) = live.try_borrow_mut() else {
        return;
    };
    let size = l.size;
    match ev.key().as_str() {
        "+" | "=" => l.zoom_in(),
        "-" | "_" | "\u{2212}" => l.zoom_out(),
        "0" => l.reset(),
        key @ ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => {
            let step = match key {
                "ArrowLeft" => (-PAN_STEP, 0.0),
                "ArrowRight" => (PAN_STEP, 0.0),
                "ArrowUp" => (0.0, -PAN_STEP),
                _ => (0.0, PAN_STEP),
            };
            l.camera.step(step, size);
            l.apply();
        }
        _ => return,
    }
    ev.prevent_default();
}

/// Keyboard focus on a node or an edge lights it up, and brings it into view when the zoomed
/// view had left it outside.
fn focus_in(ev: &web_sys::Event, live: &Rc<RefCell<Live>>) {
    let Ok(mut l) = live.try_borrow_mut() else {
        return;
    };
    l.focus = l.target_of(ev);
    if let Some(at) = l.focus.and_then(|t| l.scene.position(t)) {
        let size = l.size;
        let v = l.camera.view_box(size);
        let inner = Rect {
            x: v.x + 0.1 * v.w,
            y: v.y + 0.1 * v.h,
            w: 0.8 * v.w,
            h: 0.8 * v.h,
        };
        if !inner.contains(at) {
            l.camera.look_at(at, size);
            l.apply();
        }
    }
    l.highlight();
}

fn distance(a: (f32, f32), b: (f32, f32)) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn middle(a: (f32, f32), b: (f32, f32)) -> (f32, f32) {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}
