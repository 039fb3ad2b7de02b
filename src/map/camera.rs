//! The map's camera: which part of the drawing the SVG shows (a zoom and a centre) and how a
//! wheel, a drag, a pinch or a key moves it. Pure arithmetic in the drawing's coordinates (the
//! view box); it knows nothing of the DOM or of what is drawn.

/// The closest view: the whole drawing.
pub const MIN_ZOOM: f32 = 1.0;
/// The nearest view: an eighth of the drawing's width.
pub const MAX_ZOOM: f32 = 8.0;
/// One press of a zoom button or key.
pub const ZOOM_STEP: f32 = 1.5;
/// One press of an arrow key moves the view by this share of its width or height.
pub const PAN_STEP: f32 = 0.15;

/// A rectangle in drawing coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn centre(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn contains(&self, (x, y): (f32, f32)) -> bool {
        (self.x..=self.x + self.w).contains(&x) && (self.y..=self.y + self.h).contains(&y)
    }

    /// The `viewBox` attribute's value.
    pub fn attribute(&self) -> String {
        use crate::decimal::fixed;
        format!(
            "{} {} {} {}",
            fixed(self.x, 2),
            fixed(self.y, 2),
            fixed(self.w, 2),
            fixed(self.h, 2)
        )
    }
}

/// What the map shows: `zoom` times closer than the whole drawing, around `centre`.
///
/// ```
/// use coverage_explorer::map::camera::{Camera, Rect};
/// let drawing = Rect { x: 0.0, y: 0.0, w: 800.0, h: 500.0 };
/// let mut camera = Camera::new(drawing);
/// let size = (800.0, 500.0);
/// camera.zoom_by(2.0, Some((200.0, 100.0)), size);
/// // The point under the pointer stays where it was on the screen.
/// assert_eq!(camera.to_screen((200.0, 100.0), size), (200.0, 100.0));
/// assert_eq!(camera.view_box(size).w, 400.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f32,
    pub centre: (f32, f32),
    drawing: Rect,
}

impl Camera {
    /// The whole drawing.
    pub fn new(drawing: Rect) -> Camera {
        Camera {
            zoom: MIN_ZOOM,
            centre: drawing.centre(),
            drawing,
        }
    }

    /// The whole drawing the camera moves over.
    pub fn drawing(&self) -> Rect {
        self.drawing
    }

    pub fn is_reset(&self) -> bool {
        *self == Camera::new(self.drawing)
    }

    /// The view box for an element `size` pixels wide and high: at zoom 1 the whole drawing
    /// fitted in (with room on the longer side, so the box has the element's shape and nothing
    /// is stretched), then a `zoom`-th of that around the centre.
    pub fn view_box(&self, size: (f32, f32)) -> Rect {
        let (w, h) = self.fitted(size);
        let (w, h) = (w / self.zoom, h / self.zoom);
        Rect {
            x: self.centre.0 - w / 2.0,
            y: self.centre.1 - h / 2.0,
            w,
            h,
        }
    }

    /// Screen pixels per drawing unit for an element of `size`.
    pub fn scale(&self, size: (f32, f32)) -> f32 {
        let (w, _) = self.fitted(size);
        size.0.max(1.0) / w * self.zoom
    }

    /// The drawing point under a point of the element (pixels from its top left corner).
    pub fn to_drawing(&self, (px, py): (f32, f32), size: (f32, f32)) -> (f32, f32) {
        let v = self.view_box(size);
        let k = self.scale(size);
        (v.x + px / k, v.y + py / k)
    }

    /// Where a drawing point appears in the element, in pixels from its top left corner.
    pub fn to_screen(&self, (x, y): (f32, f32), size: (f32, f32)) -> (f32, f32) {
        let v = self.view_box(size);
        let k = self.scale(size);
        ((x - v.x) * k, (y - v.y) * k)
    }

    /// Zooms by `factor` (more than 1 is closer), keeping `anchor` (a drawing point, e.g. the
    /// one under the pointer) where it is on the screen; around the centre without one.
    pub fn zoom_by(&mut self, factor: f32, anchor: Option<(f32, f32)>, size: (f32, f32)) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let applied = zoom / self.zoom;
        let (ax, ay) = anchor.unwrap_or(self.centre);
        self.centre = (
            ax + (self.centre.0 - ax) / applied,
            ay + (self.centre.1 - ay) / applied,
        );
        self.zoom = zoom;
        self.keep_in(size);
    }

    /// Moves the view by `(dx, dy)` drawing units.
    pub fn pan(&mut self, (dx, dy): (f32, f32), size: (f32, f32)) {
        self.centre = (self.centre.0 + dx, self.centre.1 + dy);
        self.keep_in(size);
    }

    /// Moves the drawing by `(dx, dy)` screen pixels, as a drag does (the drawing follows the
    /// pointer).
    pub fn drag(&mut self, (dx, dy): (f32, f32), size: (f32, f32)) {
        let k = self.scale(size);
        self.pan((-dx / k, -dy / k), size);
    }

    /// Moves the view by a share of its width and height (arrow keys).
    pub fn step(&mut self, (sx, sy): (f32, f32), size: (f32, f32)) {
        let v = self.view_box(size);
        self.pan((sx * v.w, sy * v.h), size);
    }

    /// Centres the view on `point` (as far as the drawing allows).
    pub fn look_at(&mut self, point: (f32, f32), size: (f32, f32)) {
        self.centre = point;
        self.keep_in(size);
    }

    pub fn reset(&mut self) {
        *self = Camera::new(self.drawing);
    }

    /// The whole drawing's size once fitted to an element of `size` (the zoom-1 view box).
    fn fitted(&self, (w, h): (f32, f32)) -> (f32, f32) {
        let d = self.drawing;
        let aspect = if w > 0.0 && h > 0.0 { w / h } else { d.w / d.h };
        if aspect > d.w / d.h {
            (d.h * aspect, d.h)
        } else {
            (d.w, d.w / aspect)
        }
    }

    /// Keeps the view over the drawing: on an axis where the view is smaller than the drawing
    /// it stays inside it; where it is larger the drawing stays in the middle.
    fn keep_in(&mut self, size: (f32, f32)) {
        let d = self.drawing;
        let v = self.view_box(size);
        let axis = |c: f32, view: f32, lo: f32, extent: f32| {
            if view >= extent {
                lo + extent / 2.0
            } else {
                // Not `f32::clamp`: its check of the bounds formats them on failure, which keeps
                // the standard library's float formatting in the page's wasm (~10 KB).
                c.max(lo + view / 2.0).min(lo + extent - view / 2.0)
            }
        };
        self.centre = (
            axis(self.centre.0, v.w, d.x, d.w),
            axis(self.centre.1, v.h, d.y, d.h),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAWING: Rect = Rect {
        x: -60.0,
        y: -25.0,
        w: 920.0,
        h: 550.0,
    };
    const SIZE: (f32, f32) = (460.0, 275.0);

    fn close(a: (f32, f32), b: (f32, f32)) -> bool {
        (a.0 - b.0).abs() < 1e-2 && (a.1 - b.1).abs() < 1e-2
    }

    #[test]
    fn zoom_one_shows_the_whole_drawing_in_the_elements_shape() {
        let camera = Camera::new(DRAWING);
        assert_eq!(camera.view_box(SIZE), DRAWING);
        // A tall element (a phone's enlarged map) gets a tall view box with the drawing in it.
        let tall = camera.view_box((390.0, 700.0));
        assert!((tall.w - DRAWING.w).abs() < 1e-3 && tall.h > DRAWING.h);
        assert!((tall.w / tall.h - 390.0 / 700.0).abs() < 1e-4);
        assert_eq!(tall.centre(), DRAWING.centre());
        assert!((camera.scale(SIZE) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn wheel_zoom_keeps_the_point_under_the_pointer() {
        let mut camera = Camera::new(DRAWING);
        let pointer = (100.0, 60.0);
        let under = camera.to_drawing(pointer, SIZE);
        camera.zoom_by(1.2, Some(under), SIZE);
        assert!(close(camera.to_screen(under, SIZE), pointer));
        camera.zoom_by(1.7, Some(under), SIZE);
        assert!(close(camera.to_drawing(pointer, SIZE), under));
        assert!((camera.zoom - 1.2 * 1.7).abs() < 1e-5);
    }

    #[test]
    fn zoom_stays_within_its_limits_and_reset_restores() {
        let mut camera = Camera::new(DRAWING);
        for _ in 0..20 {
            camera.zoom_by(ZOOM_STEP, None, SIZE);
        }
        assert_eq!(camera.zoom, MAX_ZOOM);
        for _ in 0..40 {
            camera.zoom_by(1.0 / ZOOM_STEP, Some((0.0, 0.0)), SIZE);
        }
        assert_eq!(camera.zoom, MIN_ZOOM);
        assert!(
            camera.is_reset(),
            "zoomed all the way out, the view is the drawing"
        );
        camera.zoom_by(3.0, Some((700.0, 400.0)), SIZE);
        assert!(!camera.is_reset());
        camera.reset();
        assert!(camera.is_reset());
    }

    #[test]
    fn a_drag_moves_the_drawing_with_the_pointer_and_stops_at_its_edge() {
        let mut camera = Camera::new(DRAWING);
        let before = camera;
        camera.drag((50.0, 0.0), SIZE);
        assert_eq!(
            camera, before,
            "at zoom 1 the whole drawing is shown: nothing to pan"
        );
        camera.zoom_by(4.0, None, SIZE);
        let point = camera.to_drawing((100.0, 100.0), SIZE);
        camera.drag((30.0, -20.0), SIZE);
        assert!(close(camera.to_screen(point, SIZE), (130.0, 80.0)));
        for _ in 0..100 {
            camera.drag((200.0, 200.0), SIZE);
        }
        let v = camera.view_box(SIZE);
        assert!((v.x - DRAWING.x).abs() < 1e-3 && (v.y - DRAWING.y).abs() < 1e-3);
    }

    #[test]
    fn arrow_steps_and_look_at_move_the_view() {
        let mut camera = Camera::new(DRAWING);
        camera.zoom_by(2.0, None, SIZE);
        let x = camera.view_box(SIZE).x;
        camera.step((PAN_STEP, 0.0), SIZE);
        let moved = camera.view_box(SIZE);
        assert!((moved.x - x - PAN_STEP * moved.w).abs() < 1e-3);
        camera.look_at((700.0, 100.0), SIZE);
        assert!(close(camera.centre, (630.0, 112.5)), "{:?}", camera.centre);
    }

    #[test]
    fn nonsense_factors_change_nothing() {
        let mut camera = Camera::new(DRAWING);
        for factor in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            camera.zoom_by(factor, None, SIZE);
        }
        assert!(camera.is_reset());
    }
}
