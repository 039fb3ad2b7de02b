//! The view state and its URL hash form: which actors, years and outlets are selected, the
//! article being read, the edge whose evidence is open, and map settings (size, table, enlarged). Parsing is total:
//! any hash gives a state, and what could not be read is listed so the page can say so.

use coverage_core::index::{ActorMode, YearKey};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// Default number of actors on the map.
pub const DEFAULT_MAP_SIZE: usize = 30;
/// Largest map the page draws.
pub const MAX_MAP_SIZE: usize = 300;

/// Everything the URL hash records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// Actor ids, in the order selected.
    pub actors: Vec<String>,
    pub mode: ActorMode,
    pub years: Vec<YearKey>,
    /// Outlet ids; `None` is "outlet unknown".
    pub outlets: Vec<Option<String>>,
    /// Source file name of the article in the reader.
    pub article: Option<String>,
    /// Actor ids of the edge whose evidence is shown.
    pub edge: Option<(String, String)>,
    pub map_size: usize,
    /// Show the map as a table.
    pub table: bool,
    /// Show the map across the page's full width.
    pub large: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            actors: Vec::new(),
            mode: ActorMode::All,
            years: Vec::new(),
            outlets: Vec::new(),
            article: None,
            edge: None,
            map_size: DEFAULT_MAP_SIZE,
            table: false,
            large: false,
        }
    }
}

/// Characters escaped in hash values: the separators we use, and anything not printable.
const ESCAPE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'&')
    .add(b'=')
    .add(b',')
    .add(b'#')
    .add(b'%')
    .add(b'~')
    .add(b'"')
    .add(b'<')
    .add(b'>');

fn enc(value: &str) -> String {
    utf8_percent_encode(value, ESCAPE).to_string()
}

fn dec(value: &str) -> Option<String> {
    percent_decode_str(value)
        .decode_utf8()
        .ok()
        .map(|v| v.into_owned())
        .filter(|v| !v.is_empty())
}

impl ViewState {
    /// Toggles an actor in the selection.
    pub fn toggle_actor(&mut self, id: &str) {
        toggle(&mut self.actors, id.to_string());
    }

    pub fn toggle_year(&mut self, year: YearKey) {
        toggle(&mut self.years, year);
    }

    pub fn toggle_outlet(&mut self, outlet: Option<String>) {
        toggle(&mut self.outlets, outlet);
    }

    /// Clears every filter, keeping map settings.
    pub fn clear_filters(&mut self) {
        self.actors.clear();
        self.years.clear();
        self.outlets.clear();
        self.edge = None;
    }

    /// The hash form, without the leading `#`; empty for the default state.
    ///
    /// ```
    /// use coverage_explorer::state::ViewState;
    /// let mut s = ViewState::default();
    /// s.toggle_actor("kim-jong-un");
    /// s.toggle_year(Some(2019));
    /// assert_eq!(s.to_hash(), "actors=kim-jong-un&years=2019");
    /// assert_eq!(ViewState::parse(&s.to_hash()).0, s);
    /// ```
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let list = |items: Vec<String>| items.join(",");
        if !self.actors.is_empty() {
            parts.push(format!(
                "actors={}",
                list(self.actors.iter().map(|a| enc(a)).collect())
            ));
        }
        if self.mode == ActorMode::Any {
            parts.push("mode=any".into());
        }
        if !self.years.is_empty() {
            parts.push(format!(
                "years={}",
                list(
                    self.years
                        .iter()
                        .map(|y| y.map_or_else(|| "none".to_string(), |y| y.to_string()))
                        .collect()
                )
            ));
        }
        if !self.outlets.is_empty() {
            parts.push(format!(
                "outlets={}",
                list(
                    self.outlets
                        .iter()
                        .map(|o| match o.as_deref() {
                            None => "none".to_string(),
                            // An outlet whose id is "none" must not read back as "unknown".
                            Some("none") => "%6Eone".to_string(),
                            Some(id) => enc(id),
                        })
                        .collect()
                )
            ));
        }
        if let Some(a) = &self.article {
            parts.push(format!("article={}", enc(a)));
        }
        if let Some((a, b)) = &self.edge {
            parts.push(format!("edge={}~{}", enc(a), enc(b)));
        }
        if self.map_size != DEFAULT_MAP_SIZE {
            parts.push(format!("n={}", self.map_size));
        }
        if self.table {
            parts.push("view=table".into());
        }
        if self.large {
            parts.push("map=large".into());
        }
        parts.join("&")
    }

    /// Reads a hash (with or without `#`). Never fails: what cannot be read is skipped and
    /// described in the returned notices.
    pub fn parse(hash: &str) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        for part in hash.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let values = || value.split(',').filter(|v| !v.is_empty());
            match key {
                "actors" => {
                    for v in values() {
                        match dec(v) {
                            Some(id) if !state.actors.contains(&id) => state.actors.push(id),
                            Some(_) => {}
                            None => notices
                                .push(format!("Ignored an unreadable actor in the link: “{v}”")),
                        }
                    }
                }
                "mode" => match value {
                    "any" => state.mode = ActorMode::Any,
                    "all" => state.mode = ActorMode::All,
                    other => notices.push(format!("Ignored unknown actor mode “{other}”")),
                },
                "years" => {
                    for v in values() {
                        let year = if v == "none" {
                            Some(None)
                        } else {
                            v.parse::<i16>()
                                .ok()
                                .filter(|y| (1000..=9999).contains(y))
                                .map(Some)
                        };
                        match year {
                            Some(y) if !state.years.contains(&y) => state.years.push(y),
                            Some(_) => {}
                            None => notices.push(format!("Ignored year “{v}” (not a year)")),
                        }
                    }
                }
                "outlets" => {
                    for v in values() {
                        let outlet = if v == "none" {
                            Some(None)
                        } else {
                            dec(v).map(Some)
                        };
                        match outlet {
                            Some(o) if !state.outlets.contains(&o) => state.outlets.push(o),
                            Some(_) => {}
                            None => notices
                                .push(format!("Ignored an unreadable outlet in the link: “{v}”")),
                        }
                    }
                }
                "article" => state.article = dec(value),
                "edge" => match value
                    .split_once('~')
                    .and_then(|(a, b)| Some((dec(a)?, dec(b)?)))
                {
                    Some(pair) => state.edge = Some(pair),
                    None => notices.push(format!(
                        "Ignored edge “{value}” (expected two actor ids joined by ~)"
                    )),
                },
                "n" => match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_MAP_SIZE).contains(&n) => state.map_size = n,
                    _ => notices.push(format!("Ignored map size “{value}” (1 to {MAX_MAP_SIZE})")),
                },
                "view" => state.table = value == "table",
                "map" => match value {
                    "large" => state.large = true,
                    "normal" => state.large = false,
                    other => notices.push(format!(
                        "Ignored map view “{}” (large or normal)",
                        other.chars().take(40).collect::<String>()
                    )),
                },
                other => notices.push(format!(
                    "Ignored unknown link part “{}”",
                    other.chars().take(40).collect::<String>()
                )),
            }
        }
        (state, notices)
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_state_round_trips() {
        let state = ViewState {
            actors: vec!["kim-jong-un".into(), "vladimir-putin".into()],
            mode: ActorMode::Any,
            years: vec![Some(2019), None],
            outlets: vec![Some("the-korea-herald".into()), None],
            article: Some("000 a&b.txt".into()),
            edge: Some(("kim-jong-un".into(), "vladimir-putin".into())),
            map_size: 50,
            table: true,
            large: true,
        };
        let (back, notices) = ViewState::parse(&state.to_hash());
        assert_eq!(back, state);
        assert!(notices.is_empty());
    }

    #[test]
    fn junk_is_skipped_with_notices() {
        let (state, notices) = ViewState::parse("#years=20x9,2019&n=0&bogus=1&edge=x&actors=%ff");
        assert_eq!(state.years, vec![Some(2019)]);
        assert_eq!(state.map_size, DEFAULT_MAP_SIZE);
        assert_eq!(notices.len(), 5, "{notices:?}");
    }

    #[test]
    fn enlarged_map_reads_back_and_clearing_filters_keeps_it() {
        let (mut state, notices) = ViewState::parse("#map=large&actors=kim-jong-un");
        assert!(state.large && notices.is_empty());
        assert_eq!(state.to_hash(), "actors=kim-jong-un&map=large");
        state.clear_filters();
        assert!(state.large);
        let (_, notices) = ViewState::parse("#map=huge");
        assert_eq!(notices.len(), 1, "{notices:?}");
    }

    #[test]
    fn empty_hash_is_default() {
        assert_eq!(ViewState::parse("").0, ViewState::default());
        assert_eq!(ViewState::default().to_hash(), "");
    }

    #[test]
    fn toggling_twice_restores() {
        let mut s = ViewState::default();
        s.toggle_outlet(Some("global-times".into()));
        s.toggle_outlet(Some("global-times".into()));
        assert_eq!(s, ViewState::default());
    }
}
